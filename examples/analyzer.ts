/**
 * The Analyzer (migration guide: "update Analyzer workflows"): declare processes, it
 * resolves their dependencies (allocation waits for the themes), runs independent ones
 * at the same time, and caches results keyed by dataset, parameters and upstream results.
 */
import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { Analyzer, MemoryCache, SentimentProcess, ThemeAllocation, ThemeGeneration } from 'pulse-rx';
import { runIfMain, withEmulator } from './support/withEmulator';
import reviews from './data/reviews.json';

export const main = () =>
  withEmulator(async (client) => {
    const cache = new MemoryCache();
    const analyzer = new Analyzer({
      dataset: reviews,
      processes: [new ThemeGeneration({ minThemes: 2, maxThemes: 4 }), new SentimentProcess(), new ThemeAllocation()],
      client,
      cache,
    });

    // Progress events: start, job statuses, end (with the result), per process.
    const events = await lastValueFrom(analyzer.events().pipe(toArray()));
    const order = events.filter((e) => e.phase === 'end').map((e) => e.process);

    // A second run of the same analysis is answered from the cache: nothing is sent.
    const results = await firstValueFrom(analyzer.run());
    return {
      order,
      cacheHits: cache.hits,
      positive: results.sentiment!.summary().counts.positive,
      shares: results.themeAllocation!.shares().map((s) => `${s.theme}: ${s.count}`),
    };
  });

runIfMain(module, main);
