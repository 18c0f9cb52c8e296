/**
 * Several datasets at once (migration guide: "concurrent processing" and "batch processing
 * with submit_and_gather_jobs"): bounded concurrency, spaced submissions, every outcome
 * reported in order.
 */
import { lastValueFrom, toArray } from 'rxjs';
import { submitAndGatherJobs } from 'pulse-rx';
import { withEmulator, runIfMain } from './support/withEmulator';

export const main = () =>
  withEmulator(async (client) => {
    const datasets = {
      park: ['Rides were thrilling', 'Queues were long'],
      hotel: ['Rooms were noisy', 'Breakfast was great'],
      cafe: ['Coffee was cold', 'Friendly staff'],
    };
    const outcomes = await lastValueFrom(
      submitAndGatherJobs(
        Object.values(datasets).map((inputs) => () => client.analyzeSentiment({ inputs }, { awaitJobResult: false })),
        { concurrency: 2, rateLimitDelayMs: 100 },
      ).pipe(toArray()),
    );
    return Object.keys(datasets).map((name, i) => {
      const o = outcomes[i]!;
      return { name, status: o.status, sentiments: o.status === 'fulfilled' ? o.value.results.map((r) => r.sentiment) : [] };
    });
  });

runIfMain(module, main);
