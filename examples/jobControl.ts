/**
 * Manual job control with a timeout (migration guide: "manual job control"): submit
 * without waiting, watch the status stream with a deadline, keep `{ id, kind }`, and
 * resume the job elsewhere.
 */
import { filter, firstValueFrom, lastValueFrom, tap, timeout, toArray } from 'rxjs';
import { withEmulator, runIfMain } from './support/withEmulator';

export const main = () =>
  withEmulator(async (client) => {
    const reviews = ['The staff were lovely', 'Queues were endless', 'Fair prices'];
    const job = await firstValueFrom(client.analyzeSentiment({ inputs: reviews }, { awaitJobResult: false }));
    const saved = JSON.stringify(job); // {"id":"task/…","kind":"sentiment"}: store it anywhere

    const statuses = await lastValueFrom(
      job.events$.pipe(
        filter((e) => e.type === 'status'),
        tap((e) => e.type === 'status' && console.log(`status ${e.status} after ${e.polls} polls`)),
        timeout({ first: 30_000 }), // give up waiting for the first status after 30 s
        toArray(),
      ),
    );

    // Later, maybe in another process: resume from what was saved.
    const { id, kind } = JSON.parse(saved) as { id: string; kind: 'sentiment' };
    const result = await client.jobs.resume({ id, kind }).wait({ timeoutMs: 60_000 });
    return { saved: JSON.parse(saved) as unknown, statuses: statuses.map((e) => e.type === 'status' && e.status), sentiments: result.results.map((r) => r.sentiment) };
  });

runIfMain(module, main);
