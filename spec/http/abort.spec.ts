import axios from 'axios';
import nock from 'nock';
import { firstValueFrom } from 'rxjs';
import { PulseAbortError, PulseClient, PulseTimeoutError, StaticTokenAuth } from 'pulse-rx';
import { startRecordingServer, until, type RecordingServer } from '../helpers/recordingServer';

const result = JSON.stringify({ results: [{ sentiment: 'neutral', confidence: 0.5 }], requestId: 'r' });

describe('cancellation and timeouts on a real socket', () => {
  let server: RecordingServer;
  const hold: Array<() => void> = [];

  beforeAll(() => nock.enableNetConnect('127.0.0.1'));
  afterEach(async () => {
    hold.splice(0).forEach((release) => release());
    await server?.close();
  });

  const client = (options: Partial<ConstructorParameters<typeof PulseClient>[0]> = {}) =>
    new PulseClient({ baseUrl: `${server.url}/v1`, auth: new StaticTokenAuth('tok'), maxRetries: 0, ...options });

  it('unsubscribing mid-request aborts it and emits nothing', async () => {
    server = await startRecordingServer((_req, res) => hold.push(() => res.end(result)));
    const seen: unknown[] = [];
    const sub = client().analyzeSentiment({ inputs: ['x'], fast: true }).subscribe({
      next: (v) => seen.push(v),
      error: (e) => seen.push(e),
      complete: () => seen.push('complete'),
    });
    await until(() => server.received.length === 1);
    sub.unsubscribe();
    await until(() => server.aborted.length === 1);
    expect(server.aborted).toEqual(['/v1/sentiment']);
    expect(seen).toEqual([]);
  });

  it("with axios's fetch adapter too, unsubscribing aborts the request and nothing escapes", async () => {
    server = await startRecordingServer((_req, res) => hold.push(() => res.end(result)));
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', onUncaught);
    try {
      const seen: unknown[] = [];
      const c = client({ axios: axios.create({ adapter: 'fetch' }) });
      const sub = c.analyzeSentiment({ inputs: ['x'], fast: true }).subscribe({ next: (v) => seen.push(v), error: (e) => seen.push(e) });
      await until(() => server.received.length === 1);
      sub.unsubscribe();
      await until(() => server.aborted.length === 1);
      await new Promise((r) => setTimeout(r, 20));
      expect(seen).toEqual([]);
      expect(uncaught).toEqual([]);
      // And the adapter still answers normally.
      hold.splice(0).forEach((release) => release());
      await server.close();
      server = await startRecordingServer((_req, res) => res.end(result));
      const c2 = client({ axios: axios.create({ adapter: 'fetch' }) });
      await expect(firstValueFrom(c2.analyzeSentiment({ inputs: ['x'], fast: true }))).resolves.toMatchObject({ requestId: 'r' });
    } finally {
      process.off('uncaughtException', onUncaught);
    }
  });

  it('an AbortSignal cancels the call with PulseAbortError and aborts the request', async () => {
    server = await startRecordingServer((_req, res) => hold.push(() => res.end(result)));
    const controller = new AbortController();
    const done = firstValueFrom(client().analyzeSentiment({ inputs: ['x'], fast: true }, { signal: controller.signal }));
    await until(() => server.received.length === 1);
    controller.abort();
    await expect(done).rejects.toBeInstanceOf(PulseAbortError);
    await until(() => server.aborted.length === 1);
  });

  it('an already-aborted signal sends nothing', async () => {
    server = await startRecordingServer((_req, res) => res.end(result));
    await expect(
      firstValueFrom(client().analyzeSentiment({ inputs: ['x'], fast: true }, { signal: AbortSignal.abort() })),
    ).rejects.toBeInstanceOf(PulseAbortError);
    expect(server.received).toEqual([]);
  });

  it('the timeout covers a body that drips after the headers', async () => {
    server = await startRecordingServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"results":[');
      const drip = setInterval(() => res.write(' '), 20);
      hold.push(() => {
        clearInterval(drip);
        res.end();
      });
    });
    const started = Date.now();
    await expect(firstValueFrom(client({ timeoutMs: 300 }).analyzeSentiment({ inputs: ['x'], fast: true }))).rejects.toBeInstanceOf(
      PulseTimeoutError,
    );
    expect(Date.now() - started).toBeLessThan(5000);
    await until(() => server.aborted.length === 1);
  });

  it('close() aborts calls in flight and refuses new ones', async () => {
    server = await startRecordingServer((_req, res) => hold.push(() => res.end(result)));
    const c = client();
    const inFlight = firstValueFrom(c.analyzeSentiment({ inputs: ['x'], fast: true }));
    await until(() => server.received.length === 1);
    c.close();
    await expect(inFlight).rejects.toThrow('client closed');
    await until(() => server.aborted.length === 1);
    await expect(firstValueFrom(c.analyzeSentiment({ inputs: ['x'], fast: true }))).rejects.toBeInstanceOf(PulseAbortError);
    expect(server.received).toHaveLength(1);
  });

  it('unsubscribing while polling stops the polling: no further requests', async () => {
    server = await startRecordingServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.method === 'POST') {
        res.statusCode = 202;
        res.end(JSON.stringify({ job_id: 'job-1' }));
      } else res.end(JSON.stringify({ status: 'pending' }));
    });
    const sub = client({ poll: { minIntervalMs: 10, maxIntervalMs: 10 } })
      .analyzeSentiment({ inputs: ['x'] })
      .subscribe();
    await until(() => server.received.filter((u) => u.startsWith('/v1/jobs')).length >= 3);
    sub.unsubscribe();
    const count = server.received.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(server.received.length).toBe(count);
  });
});

describe('timeouts beyond what timers can hold', () => {
  beforeAll(() => nock.enableNetConnect('127.0.0.1'));

  it('a timeout over 2^31 ms means no timeout, not an instant one', async () => {
    const server = await startRecordingServer((_req, res) => setTimeout(() => res.end(result), 30));
    try {
      const client = new PulseClient({ baseUrl: `${server.url}/v1`, auth: new StaticTokenAuth('tok'), timeoutMs: 1e12, maxRetries: 0 });
      await expect(firstValueFrom(client.analyzeSentiment({ inputs: ['x'], fast: true }))).resolves.toMatchObject({ requestId: 'r' });
    } finally {
      await server.close();
    }
  });
});
