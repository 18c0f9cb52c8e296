import { asyncScheduler, defer, filter, pipe, take, throwError, throwIfEmpty, timeout, type Observable, type OperatorFunction, type SchedulerLike } from 'rxjs';
import { JobTimeoutError, PulseError, PulseValidationError } from '../errors';
import { MAX_TIMER_MS } from '../http/interceptors';
import type { JobStatusValue } from '../schemas/jobs';
import { Job } from './Job';
import type { JobEvent, JobStatusEvent } from './JobEvent';

/** Options of `waitForStatus`. */
export interface WaitForStatusConfig {
  /** Give up after this long, in ms (`JobTimeoutError`). @default none */
  timeoutMs?: number;
  scheduler?: SchedulerLike;
}

const STATUSES: readonly JobStatusValue[] = ['pending', 'queued', 'running', 'completed', 'failed', 'error'];

/**
 * The first status event of a job that is one of `statuses`, then complete (polling
 * stops). As a function of a `Job`, or as an operator on a job's events (`events$`,
 * `observe: 'events'`). A job that ends without reaching one is an error: `JobFailedError`
 * when it failed, else a `PulseError`; `JobTimeoutError` after `timeoutMs`.
 *
 * @example
 * import { waitForStatus } from 'pulse-rx';
 * waitForStatus(job, 'completed', { timeoutMs: 60_000 }).subscribe((e) => console.log(e.polls, 'polls'));
 * job.events$.pipe(waitForStatus(['running', 'completed'])).subscribe((e) => console.log(e.status));
 */
export function waitForStatus<T>(job: Job<T>, statuses: JobStatusValue | readonly JobStatusValue[], config?: WaitForStatusConfig): Observable<JobStatusEvent>;
export function waitForStatus<T>(statuses: JobStatusValue | readonly JobStatusValue[], config?: WaitForStatusConfig): OperatorFunction<JobEvent<T>, JobStatusEvent>;
export function waitForStatus<T>(
  first: Job<T> | JobStatusValue | readonly JobStatusValue[],
  second?: JobStatusValue | readonly JobStatusValue[] | WaitForStatusConfig,
  third?: WaitForStatusConfig,
): Observable<JobStatusEvent> | OperatorFunction<JobEvent<T>, JobStatusEvent> {
  if (first instanceof Job) {
    const job = first;
    return defer(() => job.events$.pipe(untilStatus<T>(job.id, checkStatuses(second as JobStatusValue | JobStatusValue[]), third)));
  }
  const wanted = checkStatuses(first as JobStatusValue | JobStatusValue[]);
  return untilStatus<T>(undefined, wanted, second as WaitForStatusConfig | undefined);
}

function untilStatus<T>(jobId: string | undefined, wanted: Set<JobStatusValue>, config: WaitForStatusConfig = {}): OperatorFunction<JobEvent<T>, JobStatusEvent> {
  if (config === null || typeof config !== 'object') throw new PulseValidationError('config', 'must be an object');
  const { timeoutMs, scheduler = asyncScheduler } = config;
  if (timeoutMs !== undefined && !(typeof timeoutMs === 'number' && timeoutMs > 0)) {
    throw new PulseValidationError('config.timeoutMs', 'must be a positive number of ms (or Infinity)');
  }
  const bounded = timeoutMs !== undefined && timeoutMs <= MAX_TIMER_MS;
  return pipe(
    filter((e): e is JobStatusEvent => e.type === 'status' && wanted.has(e.status)),
    take(1),
    throwIfEmpty(() => new PulseError(`job${jobId ? ` ${jobId}` : ''} ended without reaching status ${[...wanted].join(' or ')}`)),
    bounded ? timeout({ first: timeoutMs, scheduler, with: () => throwError(() => new JobTimeoutError(jobId ?? '', timeoutMs)) }) : (x) => x,
  );
}

function checkStatuses(value: JobStatusValue | readonly JobStatusValue[] | undefined): Set<JobStatusValue> {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.length === 0 || list.some((s) => !STATUSES.includes(s))) {
    throw new PulseValidationError('statuses', `must be one or more of ${STATUSES.join(', ')}`);
  }
  return new Set(list);
}
