import { asyncScheduler, catchError, defer, from, map, Observable, of, SchedulerLike, switchMap, throwError, throwIfEmpty, timeout, timer } from 'rxjs';
import { JobTimeoutError, PulseError } from '../http/errors';
import type { Job } from '../jobs/Job';
import { concurrentMap } from './concurrentMap';

/** The outcome of one job: its result, or the error that ended it. Nothing is dropped. */
export type JobOutcome<T> =
  | { index: number; status: 'fulfilled'; jobId: string; value: T }
  | { index: number; status: 'rejected'; jobId?: string; error: unknown };

/** Options of `gatherJobs`. */
export interface GatherJobsConfig {
  /** Jobs polled at once. @default 4 */
  concurrency?: number;
  /** Give up on a job after this long, in ms (JobTimeoutError in its outcome). @default none */
  timeoutMs?: number;
  scheduler?: SchedulerLike;
}

/**
 * Waits for many jobs with bounded concurrency and emits one outcome per job, in the
 * jobs' order, as soon as the ordered prefix is known; a failed job is an outcome, not an
 * error, so no result is lost. Pipe `toArray()` for the list.
 *
 * @example
 * import { toArray } from 'rxjs';
 * import { gatherJobs } from 'pulse-rx';
 * gatherJobs(jobs, { concurrency: 4 }).pipe(toArray()).subscribe((outcomes) => console.table(outcomes));
 */
export function gatherJobs<T>(jobs: Iterable<Job<T>>, config: GatherJobsConfig = {}): Observable<JobOutcome<T>> {
  const scheduler = config.scheduler ?? asyncScheduler;
  return from(jobs).pipe(
    concurrentMap(
      (job, index) => {
        const result$ =
          config.timeoutMs === undefined
            ? job.result$
            : job.result$.pipe(timeout({ first: config.timeoutMs, scheduler, with: () => throwError(() => new JobTimeoutError(job.id, config.timeoutMs!)) }));
        return settle(result$, index, job.id);
      },
      { concurrency: config.concurrency ?? 4 },
    ),
  );
}

/** Options of `submitAndGatherJobs`. */
export interface SubmitAndGatherConfig {
  /** Jobs submitted or running at once. @default 4 */
  concurrency?: number;
  /** Least time between two submissions, in ms. @default 0 */
  rateLimitDelayMs?: number;
  scheduler?: SchedulerLike;
}

/**
 * Submits jobs (each submitter returns the `Job` handle, e.g.
 * `() => client.analyzeSentiment(req, { awaitJobResult: false })`), spacing submissions by
 * `rateLimitDelayMs` and keeping `concurrency` in flight, then waits for each and emits
 * every outcome in the submitters' order. A failed submission is an outcome too.
 *
 * @example
 * submitAndGatherJobs(datasets.map((inputs) => () => client.analyzeSentiment({ inputs }, { awaitJobResult: false })),
 *   { concurrency: 3, rateLimitDelayMs: 200 }).subscribe(console.log);
 */
export function submitAndGatherJobs<T>(submitters: Iterable<() => Observable<Job<T>>>, config: SubmitAndGatherConfig = {}): Observable<JobOutcome<T>> {
  const scheduler = config.scheduler ?? asyncScheduler;
  const spacing = config.rateLimitDelayMs ?? 0;
  return defer(() => {
    let nextSlot = -Infinity;
    return from(submitters).pipe(
      concurrentMap(
        (submit, index) =>
          defer(() => {
            const now = scheduler.now();
            const wait = Math.max(0, nextSlot - now);
            nextSlot = now + wait + spacing;
            return settle(
              (wait > 0 ? timer(wait, scheduler) : of(0)).pipe(
                switchMap(() => submit()),
                switchMap((job) => job.result$.pipe(map((value) => ({ job, value })))),
              ),
              index,
            );
          }),
        { concurrency: config.concurrency ?? 4 },
      ),
      map((o): JobOutcome<T> => (o.status === 'fulfilled' ? { index: o.index, status: 'fulfilled', jobId: o.value.job.id, value: o.value.value } : o)),
    );
  });
}

function settle<V>(value$: Observable<V>, index: number, jobId?: string) {
  return value$.pipe(
    throwIfEmpty(() => new PulseError('the job completed without a result')),
    map((value) => ({ index, status: 'fulfilled' as const, jobId: jobId ?? '', value })),
    catchError((error: unknown) => of({ index, status: 'rejected' as const, jobId, error })),
  );
}
