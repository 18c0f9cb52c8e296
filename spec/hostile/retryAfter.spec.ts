import http from 'node:http';
import { firstValueFrom } from 'rxjs';
import { PulseClient, ServerError, StaticTokenAuth } from 'pulse-rx';
import { failure } from '../helpers/failure';
import { startRecordingServer, type RecordingServer } from '../helpers/recordingServer';
import { ScaledScheduler } from '../helpers/ScaledScheduler';

const ok = { results: [{ sentiment: 'positive', confidence: 0.9 }], requestId: 'r1' };

/** Answers each request with the next of `replies` (status and headers), then 200. */
function replying(replies: Array<[number, Record<string, string>]>) {
  let i = 0;
  return (_req: http.IncomingMessage, res: http.ServerResponse) => {
    const [status, headers] = replies[i++] ?? [200, {}];
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(status === 200 ? ok : { code: 'unavailable', message: 'busy' }));
  };
}

describe('Retry-After on every retryable status (issue 13, item 12)', () => {
  let server: RecordingServer | undefined;
  afterEach(() => server?.close());

  async function run(replies: Array<[number, Record<string, string>]>, maxRetries = 2) {
    server = await startRecordingServer(replying(replies));
    const scheduler = new ScaledScheduler(1000);
    const client = new PulseClient({
      baseUrl: `${server.url}/v1`,
      auth: new StaticTokenAuth('t'),
      scheduler,
      timeoutMs: 10_000_000,
      random: () => 0,
      maxRetries,
    });
    const result = firstValueFrom(client.analyzeSentiment({ inputs: ['good'], fast: true }));
    return { result, scheduler, client };
  }

  it.each([
    [503, { 'retry-after': '7' }, 7000],
    [503, { 'retry-after-ms': '1250' }, 1250],
    [502, { 'retry-after': '3' }, 3000],
    [500, { 'retry-after-ms': '2500' }, 2500],
    [408, { 'retry-after': '4' }, 4000],
  ] as const)('%i with %j waits what the server asked', async (status, headers, wait) => {
    const { result, scheduler, client } = await run([[status, headers]]);
    await expect(result).resolves.toEqual(ok);
    expect(server!.received).toHaveLength(2);
    // The backoff alone would have waited 500 ms.
    expect(scheduler.waits(1, 1_000_000)).toEqual([wait]);
    client.close();
  });

  it('503 with an HTTP-date Retry-After waits until that date', async () => {
    const { result, scheduler, client } = await run([[503, { 'retry-after': new Date(Date.now() + 20_000).toUTCString() }]]);
    await expect(result).resolves.toEqual(ok);
    const [wait] = scheduler.waits(1, 1_000_000);
    expect(wait).toBeGreaterThan(15_000);
    expect(wait).toBeLessThanOrEqual(20_000);
    client.close();
  });

  it('503 asking for more than maxRetryAfterMs fails at once with ServerError (one request)', async () => {
    const { result, client } = await run([[503, { 'retry-after': '3600' }]]);
    const e = await failure<ServerError>(result);
    expect(e).toBeInstanceOf(ServerError);
    expect(e.status).toBe(503);
    expect(server!.received).toHaveLength(1);
    client.close();
  });

  it('503 without Retry-After keeps the exponential backoff', async () => {
    const { result, scheduler, client } = await run([
      [503, {}],
      [503, {}],
    ]);
    await expect(result).resolves.toEqual(ok);
    expect(scheduler.waits(1, 1_000_000)).toEqual([500, 1000]);
    client.close();
  });
});
