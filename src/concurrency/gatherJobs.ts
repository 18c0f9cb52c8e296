import {
  asyncScheduler,
  catchError,
  defer,
  from,
  isObservable,
  map,
  Observable,
  of,
  SchedulerLike,
  switchMap,
  throwError,
  throwIfEmpty,
  timeout,
  timer,
} from 'rxjs';
import { checkOptions, describe } from '../http/checkOptions';
import { JobTimeoutError, PulseError, PulseValidationError } from '../errors';
import { MAX_TIMER_MS } from '../http/interceptors';
import { GatherJobsConfigSchema, SubmitAndGatherConfigSchema } from '../schemas/options';
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
  /**
   * The first failure (or timeout) errors the stream with that job's error and cancels the
   * polling of the others, instead of being an outcome. @default false
   */
  failFast?: boolean;
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
export function gatherJobs<T>(jobs: Iterable<Job<T>>, options: GatherJobsConfig = {}): Observable<JobOutcome<T>> {
  return defer(() => {
    const config = checkOptions(GatherJobsConfigSchema, options, 'config');
    const scheduler = config.scheduler ?? asyncScheduler;
    return from(iterableOf<Job<T>>(jobs, 'jobs')).pipe(
      map((job, index) => checkJob(job, index)),
      concurrentMap(
        (job, index) => settle(withJobTimeout(job, config.timeoutMs, scheduler), index, job.id, config.failFast),
        { concurrency: config.concurrency ?? 4 },
      ),
    );
  });
}

/** Options of `submitAndGatherJobs`. */
export interface SubmitAndGatherConfig {
  /** Jobs submitted or running at once. @default 4 */
  concurrency?: number;
  /** Least time between two submissions, in ms. @default 0 */
  rateLimitDelayMs?: number;
  /** Give up waiting for a submitted job after this long, in ms (JobTimeoutError in its outcome). @default none */
  timeoutMs?: number;
  /** The first failure errors the stream and cancels the rest (submissions and polling). @default false */
  failFast?: boolean;
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
export function submitAndGatherJobs<T>(
  submitters: Iterable<() => Observable<Job<T>>>,
  options: SubmitAndGatherConfig = {},
): Observable<JobOutcome<T>> {
  return defer(() => {
    const config = checkOptions(SubmitAndGatherConfigSchema, options, 'config');
    const scheduler = config.scheduler ?? asyncScheduler;
    const spacing = config.rateLimitDelayMs ?? 0;
    let nextSlot = -Infinity;
    return from(iterableOf<() => Observable<Job<T>>>(submitters, 'submitters')).pipe(
      map((submit, index) => {
        if (typeof submit !== 'function') {
          throw new PulseValidationError(`submitters[${index}]`, 'must be a function', { value: describe(submit) });
        }
        return submit;
      }),
      concurrentMap(
        (submit, index) =>
          defer(() => {
            const now = scheduler.now();
            const wait = Math.max(0, nextSlot - now);
            nextSlot = now + wait + spacing;
            return settle(
              (wait > 0 ? timer(wait, scheduler) : of(0)).pipe(
                switchMap(() => submit()),
                switchMap((job) => withJobTimeout(job, config.timeoutMs, scheduler).pipe(map((value) => ({ job, value })))),
              ),
              index,
              undefined,
              config.failFast,
            );
          }),
        { concurrency: config.concurrency ?? 4 },
      ),
      map((o): JobOutcome<T> => (o.status === 'fulfilled' ? { index: o.index, status: 'fulfilled', jobId: o.value.job.id, value: o.value.value } : o)),
    );
  });
}

/** An iterable that is not a string (a string would be taken one character at a time). */
function iterableOf<V>(value: unknown, field: string): Iterable<V> {
  const ok = value !== null && typeof value === 'object' && typeof (value as Iterable<V>)[Symbol.iterator] === 'function';
  if (!ok) throw new PulseValidationError(field, 'must be an array (or iterable) of jobs', { value: describe(value) });
  return value as Iterable<V>;
}

function checkJob<T>(job: Job<T>, index: number): Job<T> {
  if (job === null || typeof job !== 'object' || typeof job.id !== 'string' || !isObservable(job.result$)) {
    throw new PulseValidationError(`jobs[${index}]`, 'must be a Job (with id and result$)', { value: describe(job) });
  }
  return job;
}

function settle<V>(value$: Observable<V>, index: number, jobId?: string, failFast = false) {
  const fulfilled$ = value$.pipe(
    throwIfEmpty(() => new PulseError('the job completed without a result')),
    map((value) => ({ index, status: 'fulfilled' as const, jobId: jobId ?? '', value })),
  );
  // Fail-fast lets the error through: the ordered merge errors and unsubscribes the rest.
  return failFast ? fulfilled$ : fulfilled$.pipe(catchError((error: unknown) => of({ index, status: 'rejected' as const, jobId, error })));
}

/** The job's result, or `JobTimeoutError` after `timeoutMs` (none past what timers can hold). */
function withJobTimeout<T>(job: Job<T>, timeoutMs: number | undefined, scheduler: SchedulerLike): Observable<T> {
  if (timeoutMs === undefined || timeoutMs > MAX_TIMER_MS) return job.result$;
  return job.result$.pipe(timeout({ first: timeoutMs, scheduler, with: () => throwError(() => new JobTimeoutError(job.id, timeoutMs)) }));
}
