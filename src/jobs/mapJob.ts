import { map } from 'rxjs';
import { Job } from './Job';

/**
 * A handle on the same job whose result is `project(result)`: how the high level hands
 * out a `Job<SentimentResult>` for a job whose answer is a `SentimentResponse`.
 *
 * @example
 * const job = await firstValueFrom(client.analyzeSentiment({ inputs }, { awaitJobResult: false }));
 * const counted = mapJob(job, (r) => r.results.length);
 */
export function mapJob<A, B>(job: Job<A>, project: (result: A) => B): Job<B> {
  return new Job<B>(job.id, job.kind, () => job.events$.pipe(map((e) => (e.type === 'result' ? { ...e, data: project(e.data) } : e))));
}
