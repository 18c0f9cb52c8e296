/**
 * Bridging Promise code and Observable code (migration guide: "mixing sync and async"):
 * `firstValueFrom` turns a call into a Promise; `from(promise)` brings Promise code into a
 * pipeline; `Job.wait()` is the Promise view of a job.
 */
import { firstValueFrom, from, map, switchMap } from 'rxjs';
import { withEmulator, runIfMain } from './support/withEmulator';

/** Some existing Promise-based code, e.g. a database read. */
async function loadReviews(): Promise<string[]> {
  return ['The staff were friendly', 'Parking was a nightmare'];
}

export const main = () =>
  withEmulator(async (client) => {
    // Observable → Promise
    const direct = await firstValueFrom(client.analyzeSentiment({ inputs: ['Lovely day'], fast: true }));
    // Promise → Observable, inside a pipeline
    const piped = await firstValueFrom(
      from(loadReviews()).pipe(
        switchMap((inputs) => client.analyzeSentiment({ inputs, fast: true })),
        map((res) => res.results.map((r) => r.sentiment)),
      ),
    );
    // A job, awaited as a Promise
    const job = await firstValueFrom(client.generateThemes({ inputs: ['fast rides', 'slow queues', 'tasty food'] }, { awaitJobResult: false }));
    const themes = await job.wait({ timeoutMs: 30_000 });
    return { direct: direct.results[0]!.sentiment, piped, themes: 'themes' in themes ? themes.themes.length : 0 };
  });

runIfMain(module, main);
