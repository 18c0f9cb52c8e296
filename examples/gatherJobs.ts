/**
 * Memory-friendly gathering (migration guide: "performance considerations"): submit the
 * jobs, then wait for them with a bounded number polled at once; every outcome comes
 * back, in order, failures included: nothing is lost.
 */
import { lastValueFrom, toArray } from 'rxjs';
import { gatherJobs, type Job, type SentimentResponse } from 'pulse-rx';
import { runIfMain, withEmulator } from './support/withEmulator';

export const main = () =>
  withEmulator(async (client) => {
    const batches = Array.from({ length: 12 }, (_, i) => [`Visit ${i}: lovely rides`, `Visit ${i}: cold food`]);
    const jobs: Job<SentimentResponse>[] = [];
    for (const inputs of batches) jobs.push(await lastValueFrom(client.analyzeSentiment({ inputs, fast: false }, { awaitJobResult: false })));

    const outcomes = await lastValueFrom(gatherJobs(jobs, { concurrency: 5, timeoutMs: 30_000 }).pipe(toArray()));
    return {
      jobs: outcomes.length,
      fulfilled: outcomes.filter((o) => o.status === 'fulfilled').length,
      inOrder: outcomes.every((o, i) => o.index === i),
    };
  });

runIfMain(module, main);
