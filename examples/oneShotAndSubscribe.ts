/**
 * The two ways to consume a call (migration guide: "update function signatures"):
 * `await firstValueFrom(...)` for a one-shot result, like `await client.analyze_sentiment()`,
 * and `subscribe` for a stream of job events. Calls are cold: nothing is sent until then.
 */
import { firstValueFrom, lastValueFrom, tap, toArray } from 'rxjs';
import { runIfMain, withEmulator } from './support/withEmulator';

export const main = () =>
  withEmulator(async (client) => {
    // One shot: the call emits exactly one value and completes.
    const call$ = client.analyzeSentiment({ inputs: ['Great rides!', 'The food was cold.'], fast: true });
    const { results } = await firstValueFrom(call$);

    // Subscription: a job's statuses as they change, then its result.
    const seen: string[] = [];
    const events = await lastValueFrom(
      client.analyzeSentiment({ inputs: ['The queues were awful'], fast: false }, { observe: 'events' }).pipe(
        tap((e) => seen.push(e.type === 'status' ? e.status : e.type)),
        toArray(),
      ),
    );
    const last = events.at(-1)!;
    return { oneShot: results.map((r) => r.sentiment), events: seen, result: last.type === 'result' ? last.data.results[0]!.sentiment : null };
  });

runIfMain(module, main);
