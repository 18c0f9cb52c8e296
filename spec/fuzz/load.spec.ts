import { catchError, firstValueFrom, map, merge, of, toArray } from 'rxjs';
import { RateLimitError } from 'pulse-rx';
import { startEmulator } from 'pulse-rx/emulator';
import { emulatorClient } from '../helpers/emulatorClient';
import { maxConcurrent } from '../helpers/journalStats';

describe('load against the rate-limited emulator', () => {
  it('200 concurrent calls against a 100 rps limit: every call ends, typed, once', async () => {
    const emulator = await startEmulator({ rateLimit: { rps: 100, burst: 5 }, faults: [{ path: '/sentiment', action: { type: 'latency', ms: 20 } }] });
    const client = emulatorClient(emulator, { maxInFlight: 16, maxRetries: 10, retry: { initialDelayMs: 20, maxDelayMs: 200 } });
    try {
      const calls = Array.from({ length: 200 }, (_, i) =>
        client.analyzeSentiment({ inputs: [`call ${i}: lovely staff`], fast: true }).pipe(
          map(() => 'ok' as const),
          catchError((e: unknown) => of(e)),
        ),
      );
      const outcomes = await firstValueFrom(merge(...calls).pipe(toArray()));
      const ok = outcomes.filter((o) => o === 'ok').length;
      const requests = emulator.journal().filter((e) => e.path === '/v1/sentiment');
      const statuses = requests.map((e) => e.status);
      const limited = statuses.filter((s) => s === 429).length;
      const peak = maxConcurrent(requests);
      process.stdout.write(`load: 200 calls, ${ok} succeeded, ${statuses.length} requests, ${limited} answered 429, at most ${peak} in flight\n`);
      expect(peak).toBeLessThanOrEqual(16); // the client-wide limiter held
      expect(outcomes).toHaveLength(200); // every call ended
      expect(outcomes.filter((o) => o !== 'ok').every((e) => e instanceof RateLimitError)).toBe(true); // typed
      expect(statuses.filter((s) => s === 200)).toHaveLength(ok); // no duplicates
      expect(limited).toBeGreaterThan(0); // the limiter really was hit
    } finally {
      client.close();
      await emulator.close();
    }
  });
});
