import { asyncScheduler, catchError, defer, map, merge, of, take, throwError, timeout, type Observable, type SchedulerLike } from 'rxjs';
import { JobTimeoutError, PulseValidationError } from '../errors';
import { MAX_TIMER_MS } from '../http/interceptors';
import { Job } from './Job';

/** What `waitForAny` emits: the job that finished first, its index, and its result or error. */
export type FirstJob<T> =
  | { index: number; job: Job<T>; status: 'fulfilled'; value: T }
  | { index: number; job: Job<T>; status: 'rejected'; error: unknown };

/** Options of `waitForAny`. */
export interface WaitForAnyConfig {
  /** Give up after this long, in ms (`JobTimeoutError` on the first job's id). @default none */
  timeoutMs?: number;
  scheduler?: SchedulerLike;
}

/**
 * Polls every job at once and emits the first to finish (its result, or the error that
 * ended it), then completes: the others' polling stops (the jobs themselves go on; resume
 * them by id later).
 *
 * @example
 * import { waitForAny } from 'pulse-rx';
 * waitForAny([jobA, jobB]).subscribe((first) => console.log(first.index, first.status));
 */
export function waitForAny<T>(jobs: Iterable<Job<T>>, config: WaitForAnyConfig = {}): Observable<FirstJob<T>> {
  return defer(() => {
    const list = [...(jobs ?? [])];
    if (list.length === 0) throw new PulseValidationError('jobs', 'must be a non-empty array of jobs');
    list.forEach((job, i) => {
      if (!(job instanceof Job)) throw new PulseValidationError(`jobs[${i}]`, 'must be a Job');
    });
    const { timeoutMs, scheduler = asyncScheduler } = config ?? {};
    if (timeoutMs !== undefined && !(typeof timeoutMs === 'number' && timeoutMs > 0)) {
      throw new PulseValidationError('config.timeoutMs', 'must be a positive number of ms (or Infinity)');
    }
    const first$ = merge(
      ...list.map((job, index) =>
        job.result$.pipe(
          map((value): FirstJob<T> => ({ index, job, status: 'fulfilled', value })),
          catchError((error: unknown) => of<FirstJob<T>>({ index, job, status: 'rejected', error })),
        ),
      ),
    ).pipe(take(1));
    if (timeoutMs === undefined || timeoutMs > MAX_TIMER_MS) return first$;
    return first$.pipe(timeout({ first: timeoutMs, scheduler, with: () => throwError(() => new JobTimeoutError(list[0]!.id, timeoutMs)) }));
  });
}
