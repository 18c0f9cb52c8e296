/**
 * Testing Observables (migration guide: "testing async code"): code under test that takes
 * the client as a parameter can be tested with marbles (a fake client on a TestScheduler)
 * and end to end (the emulator and `firstValueFrom`). See
 * `spec/examples/testingObservables.spec.ts` for both.
 */
import { map, type Observable } from 'rxjs';
import type { PulseClient } from 'pulse-rx';

/** The part of the client this code needs: easy to fake. */
export type SentimentApi = Pick<PulseClient, 'analyzeSentiment'>;

/** Share of positive texts, recomputed for each batch of texts that arrives. */
export function positiveShare(client: SentimentApi, texts: string[]): Observable<number> {
  return client
    .analyzeSentiment({ inputs: texts, fast: 'auto' })
    .pipe(map((res) => res.results.filter((r) => r.sentiment === 'positive').length / res.results.length));
}
