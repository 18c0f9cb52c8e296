import type http from 'node:http';
import { firstValueFrom } from 'rxjs';
import { PulseClient, PulseValidationError } from 'pulse-rx';
import { startRecordingServer, type RecordingServer } from '../helpers/recordingServer';

interface Seen {
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

describe('extraBody, extraHeaders and extraQuery', () => {
  const seen: Seen[] = [];
  let answer: (res: http.ServerResponse, s: Seen) => void;
  let server: RecordingServer;
  beforeAll(async () => {
    server = await startRecordingServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += String(c)));
      req.on('end', () => {
        const s = { url: req.url ?? '', headers: req.headers, body: JSON.parse(raw || '{}') as Record<string, unknown> };
        seen.push(s);
        answer(res, s);
      });
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    seen.length = 0;
    answer = (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ results: [{ sentiment: 'positive', confidence: 0.9 }] }));
    };
  });
  const client = () => PulseClient.withToken('static-token-for-tests', { baseUrl: `${server.url}/v1`, maxRetries: 0 });

  it('the strict check stays the default: an unknown field is refused before any request', async () => {
    const request = { inputs: ['great'], fast: true, ignoreCache: true } as never;
    const error = await firstValueFrom(client().analyzeSentiment(request)).catch((e: unknown) => e);
    expect(PulseValidationError.is(error) && error.message).toBe('ignoreCache: is not a known field');
    expect(seen).toHaveLength(0);
    const typo = await firstValueFrom(client().analyzeSentiment({ inputs: ['great'], fats: true } as never)).catch((e: unknown) => e);
    expect(PulseValidationError.is(typo) && [typo.field, typo.message]).toEqual(['fats', 'fats: is not a known field; did you mean fast?']);
    const nested = await firstValueFrom(client().compareSimilarity({ setA: ['a'], setB: ['b'], fast: true, flaten: true } as never)).catch((e: unknown) => e);
    expect(PulseValidationError.is(nested) && nested.message).toBe('flaten: is not a known field; did you mean flatten?');
    const deep = { inputs: ['great'], fast: true, provider: { type: 'openai', auth: {}, endpiont: 'https://x' } };
    const inside = await firstValueFrom(client().analyzeSentiment(deep as never)).catch((e: unknown) => e);
    expect(PulseValidationError.is(inside) && inside.message).toBe('provider.endpiont: is not a known field; did you mean endpoint?');
    expect(seen).toHaveLength(0);
  });

  it('pass through unvalidated: the body gets the fields, the request the headers and query', async () => {
    const result = await firstValueFrom(
      client().analyzeSentiment(
        { inputs: ['great'], fast: true },
        { extraBody: { ignoreCache: true, nested: { a: [1] } }, extraHeaders: { 'x-trace': 'abc' }, extraQuery: { debug: '1' } },
      ),
    );
    expect(result.results).toHaveLength(1);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.body).toEqual({ inputs: ['great'], fast: true, ignoreCache: true, nested: { a: [1] } });
    expect(seen[0]!.headers['x-trace']).toBe('abc');
    expect(seen[0]!.url).toBe('/v1/sentiment?debug=1');
  });

  it('a secret in extraHeaders never reaches an error message nor a log line', async () => {
    const secret = 'hdr-secret-0123456789';
    answer = (res, s) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 'bad', message: `refused key ${String(s.headers['x-api-key'])}` }));
    };
    const lines: string[] = [];
    const log = (m: string, meta?: unknown) => lines.push(`${m} ${JSON.stringify(meta ?? {})}`);
    const logger = { debug: log, info: log, warn: log, error: log };
    const c = PulseClient.withToken('static-token-for-tests', { baseUrl: `${server.url}/v1`, maxRetries: 0, logger, logLevel: 'debug' });
    const call$ = c.analyzeSentiment({ inputs: ['x'], fast: true }, { extraHeaders: { 'x-api-key': secret } });
    const error = (await firstValueFrom(call$).catch((e: unknown) => e)) as Error;
    expect(seen[0]!.headers['x-api-key']).toBe(secret);
    expect(error.message).toContain('refused key [redacted]');
    expect(JSON.stringify(error)).not.toContain(secret);
    expect(lines.join('\n')).not.toContain(secret);
  });

  it.each([
    [{ extraBody: [1] }, 'options.extraBody: must be an object of fields'],
    [{ extraHeaders: { 'x-a': 'a\r\nb' } }, 'options.extraHeaders.x-a: must be visible ASCII (no control characters such as CR or LF)'],
    [{ extraHeaders: { 'bad name': 'v' } }, 'options.extraHeaders: has a key that is not a header name'],
    [{ extraQuery: { n: 1 } }, 'options.extraQuery.n: must be a string'],
  ])('a malformed escape hatch is a PulseValidationError naming the option: %j', async (options, message) => {
    const error = await firstValueFrom(client().analyzeSentiment({ inputs: ['x'], fast: true }, options as never)).catch((e: unknown) => e);
    expect(PulseValidationError.is(error) && error.message).toBe(message);
    expect(seen).toHaveLength(0);
  });
});
