/**
 * Sequential versus concurrent (migration guide: "performance comparison"): the same
 * datasets one after another, then with `forkJoin` (all at once) and `concurrentMap`
 * (bounded, in order). The emulator adds 100 ms to each call so the difference shows.
 */
import { concatMap, forkJoin, from, lastValueFrom, toArray } from 'rxjs';
import { concurrentMap } from 'pulse-rx';
import { withEmulator, runIfMain } from './support/withEmulator';

export const main = () =>
  withEmulator(
    async (client) => {
      const datasets = Array.from({ length: 6 }, (_, i) => [`dataset ${i}: the staff were great`, `dataset ${i}: queues too long`]);
      const call = (inputs: string[]) => client.analyzeSentiment({ inputs, fast: true });
      const time = async (run: () => Promise<unknown>) => {
        const t = Date.now();
        await run();
        return Date.now() - t;
      };
      return {
        sequentialMs: await time(() => lastValueFrom(from(datasets).pipe(concatMap(call), toArray()))),
        forkJoinMs: await time(() => lastValueFrom(forkJoin(datasets.map(call)))),
        concurrentMapMs: await time(() => lastValueFrom(from(datasets).pipe(concurrentMap(call, { concurrency: 3 }), toArray()))),
      };
    },
    { emulator: { faults: [{ path: '/sentiment', action: { type: 'latency', ms: 100 } }] } },
  );

runIfMain(module, main);
