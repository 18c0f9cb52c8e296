import { firstValueFrom } from 'rxjs';
import { BadRequestError, PulseConnectionError, PulseTimeoutError, RateLimitError, ServerError, VERSION } from 'pulse-rx';
import { failure } from '../helpers/failure';
import { api, resetNock, testClient } from '../helpers/testClient';

const ok = { results: [{ sentiment: 'positive', confidence: 0.9 }], requestId: 'r1' };
const call = (client: ReturnType<typeof testClient>['client']) => firstValueFrom(client.analyzeSentiment({ inputs: ['good'], fast: true }));

describe('retries', () => {
  beforeEach(resetNock);

  it.each([408, 409, 429, 500, 502, 503, 504])('retries %i, then succeeds', async (status) => {
    const scope = api().post('/v1/sentiment').reply(status, { code: 'x', message: 'try again' }).post('/v1/sentiment').reply(200, ok);
    const { client } = testClient();
    await expect(call(client)).resolves.toEqual(ok);
    expect(scope.isDone()).toBe(true);
  });

  it.each([400, 401, 402, 403, 404, 422])('never retries %i', async (status) => {
    const scope = api().post('/v1/sentiment').times(3).reply(status, { code: 'x', message: 'no' });
    const { client } = testClient();
    await expect(call(client)).rejects.toMatchObject({ status });
    expect(scope.pendingMocks()).toHaveLength(1); // 2 of the 3 replies were never asked for
  });

  it('retries a connection reset, then succeeds', async () => {
    api().post('/v1/sentiment').replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })).post('/v1/sentiment').reply(200, ok);
    const { client } = testClient();
    await expect(call(client)).resolves.toEqual(ok);
  });

  it('gives up after maxRetries with the last error, having waited 500 then 1000 ms', async () => {
    const scope = api().post('/v1/sentiment').times(3).reply(503, { code: 'unavailable', message: 'down' });
    const { client, scheduler } = testClient();
    await expect(call(client)).rejects.toBeInstanceOf(ServerError);
    expect(scope.isDone()).toBe(true);
    expect(scheduler.waits()).toEqual([500, 1000]);
  });

  it('a connection error that persists surfaces as PulseConnectionError without the Authorization header', async () => {
    api().post('/v1/sentiment').times(3).replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    const { client } = testClient();
    const e = await failure(call(client));
    expect(e).toBeInstanceOf(PulseConnectionError);
    expect(e.message).toContain('ECONNREFUSED');
    expect(JSON.stringify(e) + String(e.stack) + String((e as { cause?: unknown }).cause)).not.toContain('test-token');
  });

  it('times out a slow attempt and retries it', async () => {
    api().post('/v1/sentiment').delay(2000).reply(200, ok).post('/v1/sentiment').reply(200, { ...ok, requestId: 'r2' });
    const { client } = testClient({ timeoutMs: 200_000 }); // 200 ms of wall time on the 1000x clock
    await expect(call(client)).resolves.toEqual({ ...ok, requestId: 'r2' });
  });

  it('reports a timeout that persists as PulseTimeoutError', async () => {
    api().post('/v1/sentiment').delay(2000).reply(200, ok);
    const { client } = testClient({ timeoutMs: 100_000, maxRetries: 0 });
    await expect(call(client)).rejects.toBeInstanceOf(PulseTimeoutError);
  });

  it.each<[string, () => Record<string, string>, number | 'date']>([
    ['retry-after in seconds', () => ({ 'retry-after': '3' }), 3000],
    ['retry-after as an HTTP date', () => ({ 'retry-after': new Date(Date.now() + 20_000).toUTCString() }), 'date'],
    ['retry-after-ms', () => ({ 'retry-after-ms': '1250' }), 1250],
  ])('honours %s', async (_name, headers, expected) => {
    api().post('/v1/sentiment').reply(429, { code: 'rate_limited', message: 'slow down' }, headers()).post('/v1/sentiment').reply(200, ok);
    const { client, scheduler } = testClient();
    await expect(call(client)).resolves.toEqual(ok);
    const [wait] = scheduler.waits();
    if (expected === 'date') {
      // An HTTP date has a one-second resolution.
      expect(wait).toBeGreaterThan(18_000);
      expect(wait).toBeLessThanOrEqual(20_000);
    } else {
      expect(wait).toBe(expected);
    }
  });

  it('fails at once with RateLimitError when Retry-After exceeds the cap', async () => {
    const scope = api().post('/v1/sentiment').times(2).reply(429, { code: 'rate_limited', message: 'later' }, { 'retry-after': '3600' });
    const { client } = testClient({ retry: { maxRetryAfterMs: 30_000 } });
    const e = await failure<RateLimitError>(call(client));
    expect(e).toBeInstanceOf(RateLimitError);
    expect(e.retryAfterMs).toBe(3_600_000);
    expect(scope.pendingMocks()).toHaveLength(1);
  });

  it('one 429 pauses the whole client: a call started during the pause waits for it', async () => {
    const sent: number[] = [];
    const { client, scheduler } = testClient();
    api()
      .post('/v1/sentiment', (b) => b.inputs[0] === 'first')
      .reply(429, { code: 'rate_limited', message: 'wait' }, { 'retry-after': '10' })
      .post('/v1/sentiment', (b) => b.inputs[0] === 'first')
      .reply(200, ok);
    api()
      .post('/v1/sentiment', (b) => b.inputs[0] === 'second')
      .reply(function () {
        sent.push(scheduler.now());
        return [200, ok];
      });
    const t0 = scheduler.now();
    const first = firstValueFrom(client.analyzeSentiment({ inputs: ['first'], fast: true }));
    // Let the 429 land, then start an unrelated call.
    await new Promise((r) => setTimeout(r, 30));
    const second = firstValueFrom(client.analyzeSentiment({ inputs: ['second'], fast: true }));
    await Promise.all([first, second]);
    expect(sent[0]! - t0).toBeGreaterThanOrEqual(10_000);
  });

  it('reuses one Idempotency-Key across the retries of a call, a new one per call', async () => {
    const keys: string[] = [];
    const record = function (this: { req: { headers: Record<string, string> } }) {
      keys.push(this.req.headers['idempotency-key']!);
    };
    api()
      .post('/v1/sentiment')
      .reply(function () {
        record.call(this as never);
        return [503, { code: 'x', message: 'y' }];
      })
      .post('/v1/sentiment')
      .times(2)
      .reply(function () {
        record.call(this as never);
        return [200, ok];
      });
    const { client } = testClient();
    await call(client);
    await call(client);
    expect(keys[0]).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('uses a caller-supplied Idempotency-Key', async () => {
    api().post('/v1/sentiment').matchHeader('idempotency-key', 'order-42').reply(200, ok);
    const { client } = testClient();
    await expect(firstValueFrom(client.analyzeSentiment({ inputs: ['x'], fast: true }, { idempotencyKey: 'order-42' }))).resolves.toEqual(ok);
  });

  it('names the SDK in the User-Agent and sends the bearer token', async () => {
    api()
      .post('/v1/sentiment')
      .matchHeader('user-agent', new RegExp(`^pulse-rx/${VERSION.replace(/\./g, '\\.')} node/`))
      .matchHeader('authorization', 'Bearer test-token-abc')
      .reply(200, ok);
    const { client } = testClient();
    await expect(call(client)).resolves.toEqual(ok);
  });

  it('a non-retryable failure after a retry keeps its own class', async () => {
    api().post('/v1/sentiment').reply(500, { code: 'x', message: 'y' }).post('/v1/sentiment').reply(400, { code: 'validation_error', message: 'bad' });
    const { client } = testClient();
    await expect(call(client)).rejects.toBeInstanceOf(BadRequestError);
  });
});
