import { firstValueFrom, merge, toArray } from 'rxjs';
import { JobTimeoutError, PulseTimeoutError, ResponseValidationError } from 'pulse-rx';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { emulatorClient } from '../helpers/emulatorClient';

const inputs = ['great rides', 'awful food'];

describe('fault injection, survived by the real client', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ jobDurationMs: 20 });
  });
  beforeEach(() => emulator.reset());
  afterAll(() => emulator.close());

  const sentimentCalls = () => emulator.journal().filter((e) => e.path === '/v1/sentiment');

  it('503 twice, then success: three attempts sharing one Idempotency-Key', async () => {
    emulator.faults.set([{ path: '/sentiment', action: { type: 'status', status: 503 }, times: 2 }]);
    const res = await firstValueFrom(emulatorClient(emulator).analyzeSentiment({ inputs, fast: true }));
    expect(res.results).toHaveLength(2);
    const calls = sentimentCalls();
    expect(calls.map((c) => [c.status, c.fault])).toEqual([
      [503, 'status 503'],
      [503, 'status 503'],
      [200, undefined],
    ]);
    expect(new Set(calls.map((c) => c.idempotencyKey)).size).toBe(1);
  });

  it('429 with Retry-After is honoured', async () => {
    emulator.faults.set([{ path: '/sentiment', action: { type: 'status', status: 429, retryAfter: 1 }, times: 1 }]);
    const started = Date.now();
    await firstValueFrom(emulatorClient(emulator).analyzeSentiment({ inputs, fast: true }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(sentimentCalls().map((c) => c.status)).toEqual([429, 200]);
  });

  it('a connection reset and a connection closed mid-body are retried', async () => {
    emulator.faults.set([
      { path: '/sentiment', action: { type: 'reset' }, times: 1 },
      { path: '/sentiment', action: { type: 'close-mid-body' }, times: 1 },
    ]);
    const res = await firstValueFrom(emulatorClient(emulator).analyzeSentiment({ inputs, fast: true }));
    expect(res.results).toHaveLength(2);
    expect(sentimentCalls().map((c) => c.fault)).toEqual(['reset', 'close-mid-body', undefined]);
  });

  it('a hang hits the per-attempt timeout', async () => {
    emulator.faults.set([{ path: '/sentiment', action: { type: 'hang' } }]);
    const client = emulatorClient(emulator, { timeoutMs: 150, maxRetries: 1 });
    await expect(firstValueFrom(client.analyzeSentiment({ inputs, fast: true }))).rejects.toBeInstanceOf(PulseTimeoutError);
    expect(sentimentCalls()).toHaveLength(2);
  });

  it('a malformed body is a ResponseValidationError, not a crash', async () => {
    emulator.faults.set([{ path: '/sentiment', action: { type: 'malformed' } }]);
    await expect(firstValueFrom(emulatorClient(emulator).analyzeSentiment({ inputs, fast: true }))).rejects.toBeInstanceOf(ResponseValidationError);
  });

  it('latency delays the answer', async () => {
    emulator.faults.set([{ path: '/sentiment', action: { type: 'latency', ms: 120 } }]);
    const started = Date.now();
    await firstValueFrom(emulatorClient(emulator).analyzeSentiment({ inputs, fast: true }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('a failed job surfaces as JobFailedError with the detail (hosted `message`; the spec has no field for it)', async () => {
    const hosted = await startEmulator({ jobDurationMs: 20, quirks: { failureMessage: true } });
    try {
      for (const e of [hosted, emulator]) {
        e.faults.set([{ path: '/sentiment', action: { type: 'job-failure', detail: 'worker lost' } }]);
      }
      await expect(firstValueFrom(emulatorClient(hosted).analyzeSentiment({ inputs }))).rejects.toEqual(
        expect.objectContaining({ name: 'JobFailedError', status: 'failed', detail: 'worker lost' }),
      );
      await expect(firstValueFrom(emulatorClient(emulator).analyzeSentiment({ inputs }))).rejects.toEqual(
        expect.objectContaining({ name: 'JobFailedError', status: 'failed', detail: undefined }),
      );
    } finally {
      await hosted.close();
    }
  });

  it('a stuck job times out with JobTimeoutError', async () => {
    emulator.faults.set([{ path: '/sentiment', action: { type: 'job-stuck' } }]);
    const client = emulatorClient(emulator, { poll: { minIntervalMs: 10, maxIntervalMs: 20, maxWaitMs: 200 } });
    await expect(firstValueFrom(client.analyzeSentiment({ inputs }))).rejects.toBeInstanceOf(JobTimeoutError);
  });

  it('an expired result link gets a fresh one from one more status read', async () => {
    // The first completed status hands out a link that has already expired.
    emulator.faults.set([{ method: 'GET', path: '/jobs', action: { type: 'expired-link' }, times: 1 }]);
    const res = await firstValueFrom(emulatorClient(emulator, { poll: { minIntervalMs: 30, maxIntervalMs: 30 } }).analyzeSentiment({ inputs }));
    expect(res.results).toHaveLength(2);
    const results = emulator.journal().filter((e) => e.path.startsWith('/results/'));
    expect(results.map((e) => e.status)).toEqual([403, 200]);
  });

  it('a failing token endpoint is retried', async () => {
    emulator.faults.set([{ path: '/oauth/token', action: { type: 'token-failure', status: 503 }, times: 1 }]);
    await expect(firstValueFrom(emulatorClient(emulator).analyzeSentiment({ inputs, fast: true }))).resolves.toMatchObject({ results: expect.any(Array) });
    expect(emulator.journal().filter((e) => e.path === '/oauth/token').map((e) => e.status)).toEqual([503, 200]);
  });

  it('seeded probabilities draw the same faults on every run', async () => {
    const draw = async () => {
      const e = await startEmulator({ seed: 9, faults: [{ path: '/health', action: { type: 'status', status: 500 }, probability: 0.5 }] });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await fetch(`${e.url}/health`)).status);
      await e.close();
      return statuses;
    };
    const first = await draw();
    expect(first).toContain(500);
    expect(first).toContain(200);
    expect(await draw()).toEqual(first);
  });

  it('the rate limiter answers real 429s; the client absorbs them', async () => {
    const limited = await startEmulator({ rateLimit: { rps: 20, burst: 2 } });
    const client = emulatorClient(limited, { maxRetries: 5 });
    const all = await firstValueFrom(merge(...Array.from({ length: 6 }, () => client.analyzeSentiment({ inputs, fast: true }))).pipe(toArray()));
    expect(all).toHaveLength(6);
    const statuses = limited.journal().filter((e) => e.path === '/v1/sentiment').map((e) => e.status);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 200)).toHaveLength(6);
    await limited.close();
  });
});
