/**
 * Error handling (migration guide: "error handling"): typed errors with `catchError`,
 * validation before any request, a per-call timeout.
 */
import { catchError, firstValueFrom, of } from 'rxjs';
import { PulseApiError, PulseTimeoutError, PulseValidationError } from 'pulse-rx';
import { withEmulator, runIfMain } from './support/withEmulator';

export const main = () =>
  withEmulator(async (client, emulator) => {
    const outcome = (e: unknown) => {
      if (e instanceof PulseValidationError) return `invalid ${e.field}: ${e.message}`;
      if (e instanceof PulseTimeoutError) return `timed out after ${e.timeoutMs} ms`;
      if (e instanceof PulseApiError) return `API said ${e.status} ${e.code ?? ''}`.trim();
      return `unexpected: ${String(e)}`;
    };
    const attempt = <T>(call$: import('rxjs').Observable<T>) => firstValueFrom(call$.pipe(catchError((e: unknown) => of(outcome(e)))));

    const invalid = await attempt(client.analyzeSentiment({ inputs: ['fine', ''] })); // nothing is sent
    emulator.faults.set([{ path: '/summaries', action: { type: 'hang' } }]);
    const slow = await attempt(client.generateSummary({ inputs: ['a'], question: 'q', fast: true }, { timeoutMs: 200 }));
    emulator.faults.set([{ path: '/sentiment', action: { type: 'status', status: 402, body: { code: 'insufficient_credits', message: 'Insufficient credits' } } }]);
    const refused = await attempt(client.analyzeSentiment({ inputs: ['a'], fast: true }));
    return { invalid, slow, refused };
  }, { client: { maxRetries: 1, retry: { initialDelayMs: 10 } } });

runIfMain(module, main);
