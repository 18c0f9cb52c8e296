/**
 * The Analyzer (migration guide: "update Analyzer workflows"): declare processes, it
 * resolves their dependencies (allocation waits for the themes), runs independent ones
 * at the same time, and caches results keyed by dataset, parameters and upstream results.
 */
import { firstValueFrom } from 'rxjs';
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

    // One run gives both: every progress event (start, job statuses, end, per process), then the results.
    const order: string[] = [];
    const results = await firstValueFrom(
      analyzer.run({
        onEvent: (e) => {
          if (e.phase === 'end') order.push(e.process);
        },
      }),
    );

    // A second run of the same analysis is answered from the cache: nothing is sent.
    const again = await firstValueFrom(analyzer.run());
    return {
      order,
      cacheHits: cache.hits,
      positive: results.sentiment!.summary().counts.positive,
      sameAgain: again.sentiment!.summary().counts.positive === results.sentiment!.summary().counts.positive,
      shares: results.themeAllocation!.shares().map((s) => `${s.theme}: ${s.count}`),
    };
  });

runIfMain(module, main);
