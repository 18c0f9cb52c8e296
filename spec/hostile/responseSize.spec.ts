import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import { gzipSync } from 'node:zlib';
import nock from 'nock';
import { firstValueFrom } from 'rxjs';
import { PulseAbortError, PulseClient, PulseTimeoutError, ResponseTooLargeError, StaticTokenAuth, type PulseClientOptions } from 'pulse-rx';
import { Closer } from '../../src/http/Closer';
import { decodeBody } from '../../src/http/decodeBody';
import { failure } from '../helpers/failure';
import { startRecordingServer, until, type RecordingServer } from '../helpers/recordingServer';

const MiB = 1024 * 1024;
/** 1 MiB of blanks gzipped: about 1 KB, so `n` members are a bomb of n MiB. */
const blankMember = gzipSync(Buffer.alloc(MiB, 0x20));
/** 1 MiB of random hex gzipped: about 0.55 MiB, so a stream of them outgrows any socket buffer. */
const hexMember = gzipSync(Buffer.from(randomBytes(MiB / 2).toString('hex')));
const bomb = (mib: number) => Buffer.concat(new Array<Buffer>(mib).fill(blankMember));

interface Stream {
  member: Buffer;
  count: number;
  encoded?: boolean;
  /** Stop writing after the first member, keeping the socket open. */
  stall?: boolean;
}

/** Streams gzip members with backpressure; records the bytes written. */
function streaming(s: Stream, written: { bytes: number; firstSent?: () => void }) {
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    req.resume();
    const headers: Record<string, string> = { 'content-type': s.encoded ? 'application/json' : 'application/octet-stream' };
    if (s.encoded) headers['content-encoding'] = 'gzip';
    res.writeHead(200, headers);
    let i = 0;
    const pump = (): void => {
      while (i < s.count && !res.destroyed) {
        i++;
        written.bytes += s.member.length;
        const more = res.write(s.member);
        if (i === 1) written.firstSent?.();
        if (s.stall) return;
        if (!more) {
          res.once('drain', pump);
          return;
        }
      }
      if (!res.destroyed) res.end();
    };
    pump();
  };
}

// nock's pass-through wraps node:http, and its streams end differently on destroy (an
// ECONNRESET before axios's own error): these tests exercise Node's http as users run it.
beforeAll(() => nock.restore());

describe('response size is bounded (issue 13, item 5)', () => {
  let server: RecordingServer | undefined;
  afterEach(() => server?.close());

  async function clientFor(s: Stream, options: Partial<PulseClientOptions> = {}) {
    const written: { bytes: number; firstSent?: () => void } = { bytes: 0 };
    server = await startRecordingServer(streaming(s, written));
    const client = new PulseClient({ baseUrl: `${server.url}/v1`, auth: new StaticTokenAuth('t'), ...options });
    return { client, written };
  }
  const sentiment = (client: PulseClient) => firstValueFrom(client.analyzeSentiment({ inputs: ['a'], fast: true }));

  it('a gzip stream (Content-Encoding) is dropped at the bound: the client closes the socket long before the end', async () => {
    const count = 64; // 64 MiB decoded, about 35 MB on the wire: far more than the socket buffers hold
    const { client, written } = await clientFor({ member: hexMember, count, encoded: true }, { maxResponseBytes: MiB });
    const e = await failure<ResponseTooLargeError>(sentiment(client));
    expect(e).toBeInstanceOf(ResponseTooLargeError);
    expect(e.limitBytes).toBe(MiB);
    expect(e.message).toContain('maxResponseBytes');
    await until(() => server!.aborted.length === 1);
    expect(written.bytes).toBeLessThan((count * hexMember.length) / 2);
    // Not retried: the same answer would come back.
    expect(server!.received).toHaveLength(1);
    client.close();
  });

  it('a gzip bomb sent without Content-Encoding stops decompressing at the bound', async () => {
    const { client } = await clientFor({ member: bomb(256), count: 1 }, { maxResponseBytes: MiB });
    const before = process.memoryUsage().rss;
    const e = await failure(sentiment(client));
    expect(e).toBeInstanceOf(ResponseTooLargeError);
    // 256 MiB decoded would grow the process by far more (about 1 GB before the bound).
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * MiB);
    client.close();
  });

  it('a result link (third-party storage) is bounded the same way', async () => {
    const written = { bytes: 0 };
    const bombing = streaming({ member: bomb(64), count: 1, encoded: true }, written);
    server = await startRecordingServer((req, res) => {
      const json = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.url?.startsWith('/v1/sentiment')) return json({ job_id: 'j1' });
      if (req.url?.startsWith('/v1/jobs')) return json({ status: 'completed', result_url: `${server!.url}/storage/r.json?sig=x` });
      bombing(req, res);
    });
    const client = new PulseClient({ baseUrl: `${server.url}/v1`, auth: new StaticTokenAuth('t'), maxResponseBytes: MiB });
    const e = await failure(firstValueFrom(client.analyzeSentiment({ inputs: ['a'] }, { poll: { minIntervalMs: 1, maxIntervalMs: 2 } })));
    expect(e).toBeInstanceOf(ResponseTooLargeError);
    client.close();
  });

  it('an answer under the bound passes, the same answer over it fails', async () => {
    const body = Buffer.from(JSON.stringify({ results: [{ sentiment: 'neutral', confidence: 0.5 }], requestId: 'r'.repeat(1000) }));
    const member = gzipSync(body);
    const ok = await clientFor({ member, count: 1, encoded: true }, { maxResponseBytes: body.length });
    await expect(sentiment(ok.client)).resolves.toMatchObject({ results: [{ sentiment: 'neutral' }] });
    await server!.close();
    const over = await clientFor({ member, count: 1, encoded: true }, { maxResponseBytes: body.length - 1 });
    await expect(sentiment(over.client)).rejects.toBeInstanceOf(ResponseTooLargeError);
  });

  it('the default bound is 500 MiB and the option is validated', () => {
    expect(() => new PulseClient({ maxResponseBytes: 0 })).toThrow(expect.objectContaining({ field: 'maxResponseBytes' }));
    expect(() => new PulseClient({ maxResponseBytes: -5 })).toThrow(expect.objectContaining({ field: 'maxResponseBytes' }));
    expect(new ResponseTooLargeError(500 * MiB).toJSON()).toMatchObject({ name: 'ResponseTooLargeError', limitBytes: 524_288_000 });
  });

  it('a timeout mid-body destroys the gzip stream (the server sees the socket closed)', async () => {
    const { client } = await clientFor({ member: hexMember, count: 2, encoded: true, stall: true }, { timeoutMs: 200, maxRetries: 0 });
    const e = await failure(sentiment(client));
    expect(e).toBeInstanceOf(PulseTimeoutError);
    await until(() => server!.aborted.length >= 1);
    client.close();
  });

  it('unsubscribing mid-body destroys the gzip stream', async () => {
    const { client, written } = await clientFor({ member: hexMember, count: 2, encoded: true, stall: true });
    const firstSent = new Promise<void>((resolve) => (written.firstSent = resolve));
    const sub = client.analyzeSentiment({ inputs: ['a'], fast: true }).subscribe({ error: () => undefined });
    await firstSent;
    sub.unsubscribe();
    await until(() => server!.aborted.length === 1);
    client.close();
  });
});

describe('decodeBody bounds a gzip body that arrived whole', () => {
  it('stops at maxBytes with ResponseTooLargeError', async () => {
    const before = process.memoryUsage().rss;
    await expect(decodeBody(new Uint8Array(bomb(256)), { maxBytes: MiB })).rejects.toBeInstanceOf(ResponseTooLargeError);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * MiB);
  });

  it('stops when the call is cancelled or timed out while it decompresses', async () => {
    const closer = new Closer();
    const decoding = decodeBody(new Uint8Array(bomb(256)), { signal: closer });
    closer.close();
    await expect(decoding).rejects.toBeInstanceOf(PulseAbortError);
  });

  it('a body already over the bound is refused without decoding', async () => {
    await expect(decodeBody(new Uint8Array(11), { maxBytes: 10 })).rejects.toBeInstanceOf(ResponseTooLargeError);
  });
});
