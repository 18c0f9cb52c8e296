import {
  concat,
  concatMap,
  defer,
  distinctUntilChanged,
  EMPTY,
  expand,
  filter,
  map,
  merge,
  mergeMap,
  NEVER,
  Observable,
  of,
  retry,
  SchedulerLike,
  startWith,
  switchMap,
  take,
  takeWhile,
  tap,
  throwError,
  timer,
} from 'rxjs';
import { JobFailedError, JobTimeoutError, NotFoundError, PermissionDeniedError, ResponseValidationError } from '../errors';
import { MAX_TIMER_MS } from '../http/interceptors';
import { isTerminalStatus, type JobStatus } from '../schemas/jobs';
import type { JobEvent } from './JobEvent';
import type { AdaptivePoll, PolledJob } from './adaptivePoll';
import type { DurationObservation } from './durationModel';
import { pollDelayMs, type PollPolicy } from './pollPolicy';

/**
 * Fresh status reads allowed when result links keep coming back expired (403): a link
 * can expire between the status read and the download; several in a row mean a clock or
 * signing problem, reported as the `PermissionDeniedError`.
 */
export const RESULT_LINK_REFRESHES = 3;

/** A learned (or re-planned) poll comes at least this share of `minIntervalMs` after the previous poll. */
const REPLAN_GAP_SHARE = 0.2;
/** Sibling hints apply while the kind has at most this many observations (the first round of parts, blind). */
const SIBLING_HINT_SAMPLES = 2;
/** A sibling is a job of the kind whose size is within this share of this one's. */
const SIBLING_SIZE_SHARE = 0.1;

/**
 * Wait until this job is as old as a sibling (same kind, size within 10%) was when it was seen
 * done, while little is known of the kind: parts of one call submitted together end together,
 * so the first one seen done tells the others when to look. `undefined` when it tells nothing:
 * not a sibling, the kind already learned, or this job was seen unfinished at that age.
 */
function siblingHintMs(other: DurationObservation, job: PolledJob, pendingMs: number, ageMs: number, learning: AdaptivePoll): number | undefined {
  if (job.size === undefined || Math.abs(other.size - job.size) > SIBLING_SIZE_SHARE * Math.max(1, job.size)) return undefined;
  if ((learning.estimate(job.kind, job.size)?.samples ?? 0) > SIBLING_HINT_SAMPLES) return undefined;
  if (pendingMs >= other.maxMs) return undefined;
  return Math.max(0, other.maxMs - ageMs);
}

/** What polling needs from the outside: reading a status and downloading a result. */
export interface PollDeps<T> {
  getStatus(jobId: string): Observable<JobStatus>;
  getResult(resultUrl: string): Observable<T>;
  scheduler: SchedulerLike;
  policy: PollPolicy;
  random: () => number;
  /** The learning policy, when `policy.strategy` is adaptive. */
  adaptive?: AdaptivePoll;
  /** The job's kind and size, and when it was submitted (scheduler time): known for jobs this client submitted. */
  job?: PolledJob & { submittedAt?: number };
}

/**
 * The polling stream of a job: reads the status at once (or, when the adaptive policy
 * expects the job to take a while, once it could be done), then with jittered waits;
 * emits each new status, then the downloaded result, then completes. A failed job
 * errors with `JobFailedError`, an overdue one with `JobTimeoutError`. An expired result
 * link (403) triggers a fresh status read for a new link, up to `RESULT_LINK_REFRESHES` times.
 */
export function pollJob<T>(jobId: string, deps: PollDeps<T>): Observable<JobEvent<T>> {
  return defer(() => {
    const { scheduler, policy } = deps;
    const started = scheduler.now();
    let polls = 0;
    const { adaptive, job } = deps;
    const submittedAt = job?.submittedAt;
    // Learn (and plan from what was learned) only for jobs whose submission time and size are known.
    const learning = adaptive && job && submittedAt !== undefined && job.size !== undefined ? adaptive : undefined;
    const age = () => scheduler.now() - (submittedAt ?? started);
    let lastPendingMs = 0;
    let lastReadMs = Number.NEGATIVE_INFINITY;
    let observed = false;
    const planned = () =>
      learning ? learning.delayMs(job!, age(), polls, policy, deps.random()) : polls === 0 ? 0 : pollDelayMs(polls, policy, deps.random());
    // Re-planned after another job ended: from what it taught, or (`siblingHintMs`) from when it was seen done.
    const wait = (other?: DurationObservation) => {
      const plan = planned();
      if (!learning) return plan;
      const hint = other && siblingHintMs(other, job!, lastPendingMs, age(), learning);
      const next = hint === undefined ? plan : Math.min(plan, hint);
      return Math.max(next, lastReadMs + policy.minIntervalMs * REPLAN_GAP_SHARE - age());
    };
    const learn = (s: JobStatus) => {
      if (!isTerminalStatus(s.status)) lastPendingMs = age();
      else if (learning && !observed && s.status === 'completed') {
        observed = true;
        learning.observe({ kind: job!.kind, size: job!.size!, minMs: lastPendingMs, maxMs: age() });
      }
    };
    const graceMs = submittedAt === undefined ? 0 : (policy.notFoundGraceMs ?? 0);
    // A just-submitted job may be briefly unknown (404): read again, at the poll pace, until the grace ends.
    const unknownYet = (err: unknown, n: number) =>
      err instanceof NotFoundError && age() < graceMs
        ? timer(Math.min(pollDelayMs(n, policy, deps.random()), Math.max(1, graceMs - age())), scheduler)
        : throwError(() => err);
    const read = () =>
      deps.getStatus(jobId).pipe(
        retry({ delay: unknownYet }),
        tap((s) => {
          polls++;
          lastReadMs = age();
          learn(s);
        }),
      );
    // What another job of the kind teaches (it just ended) re-plans the wait under way.
    const learned$: Observable<DurationObservation> = learning && typeof learning.onObserve === 'function'
      ? new Observable<DurationObservation>((sub) => learning.onObserve((_kind, o) => sub.next(o))).pipe(filter((o) => o?.kind === job!.kind))
      : EMPTY;
    const nextRead = () =>
      learned$.pipe(
        startWith(undefined),
        switchMap((other) => timer(wait(other), scheduler)),
        take(1),
        switchMap(read),
      );
    const first = wait();

    const statuses$ = (first > 0 ? nextRead() : read()).pipe(
      expand((s) => (isTerminalStatus(s.status) ? EMPTY : nextRead())),
    );

    const download = (s: JobStatus): Observable<T> => {
      if (!s.resultUrl) return throwError(() => new ResponseValidationError('completed job has no result_url', s));
      let url = s.resultUrl;
      return defer(() => deps.getResult(url)).pipe(
        retry({
          count: RESULT_LINK_REFRESHES,
          delay: (err: unknown) =>
            err instanceof PermissionDeniedError
              ? read().pipe(
                  map((fresh) => {
                    if (!fresh.resultUrl) throw err;
                    url = fresh.resultUrl;
                  }),
                )
              : throwError(() => err),
        }),
      );
    };

    const events$ = statuses$.pipe(
      distinctUntilChanged((a, b) => a.status === b.status),
      concatMap((s): Observable<JobEvent<T>> => {
        const reportedId = s.jobId ?? jobId;
        const event: JobEvent<T> = {
          type: 'status',
          jobId: reportedId,
          status: s.status,
          polls,
          elapsedMs: scheduler.now() - started,
        };
        if (s.status === 'completed') {
          return concat(of(event), download(s).pipe(map((data) => ({ type: 'result' as const, jobId: reportedId, data }))));
        }
        if (s.status === 'failed' || s.status === 'error') {
          return concat(of(event), throwError(() => new JobFailedError(jobId, s.status, s.detail)));
        }
        return of(event);
      }),
    );

    const deadline$: Observable<never> = policy.maxWaitMs <= MAX_TIMER_MS
      ? timer(policy.maxWaitMs, scheduler).pipe(mergeMap(() => throwError(() => new JobTimeoutError(jobId, policy.maxWaitMs))))
      : NEVER;

    return merge(events$, deadline$).pipe(takeWhile((e) => e.type !== 'result', true));
  });
}
