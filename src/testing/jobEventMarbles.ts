import { map, type OperatorFunction } from 'rxjs';
import { PulseValidationError, type JobEvent, type JobStatusEvent } from 'pulse-rx';

/**
 * The marble letter of each kind of job event: `s` submitted; `q`, `p`, `n`, `c`, `f`, `e` the
 * statuses queued, pending, running, completed, failed, error; `g` progress; `r` the result.
 */
export const JOB_EVENT_LETTERS = {
  submitted: 's',
  queued: 'q',
  pending: 'p',
  running: 'n',
  completed: 'c',
  failed: 'f',
  error: 'e',
  progress: 'g',
  result: 'r',
} as const;

/**
 * Job events as marble letters (see `JOB_EVENT_LETTERS`), dropping what varies from run to
 * run (poll counts, elapsed time, ids), so a stream's shape reads as a marble diagram.
 *
 * @example
 * import { TestScheduler } from 'rxjs/testing';
 * import { jobEventLetters, jobEventValues } from 'pulse-rx/testing';
 *
 * new TestScheduler((a, b) => expect(a).toEqual(b)).run(({ cold, expectObservable }) => {
 *   const events$ = cold('s-p-c-r|', jobEventValues({ results: [] }));
 *   expectObservable(events$.pipe(jobEventLetters())).toBe('s-p-c-r|');
 * });
 */
export function jobEventLetters<T>(): OperatorFunction<JobEvent<T>, string> {
  const letterOf = (e: JobEvent<T>) =>
    e.type === 'status' ? (JOB_EVENT_LETTERS[e.status as keyof typeof JOB_EVENT_LETTERS] ?? '?') : JOB_EVENT_LETTERS[e.type];
  return map(letterOf);
}

/**
 * The job event of each marble letter, for `cold()`/`hot()` of a `TestScheduler`: a fake
 * job stream for a component or service under test. `data` is the `r` event's result.
 *
 * @example
 * import { TestScheduler } from 'rxjs/testing';
 * import { jobEventValues } from 'pulse-rx/testing';
 *
 * new TestScheduler((a, b) => expect(a).toEqual(b)).run(({ cold }) => {
 *   const events$ = cold('s 100ms p 100ms c r|', jobEventValues({ results: [] }, { jobId: 'job-1' }));
 *   events$.subscribe((e) => console.log(e.type));
 * });
 */
export function jobEventValues<T>(data: T, options: { jobId?: string } = {}): Record<string, JobEvent<T>> {
  const jobId = options.jobId ?? 'job-1';
  if (typeof jobId !== 'string' || !jobId) throw new PulseValidationError('options.jobId', 'must be a non-empty string');
  const status = (s: JobStatusEvent['status'], polls: number): JobEvent<T> => ({
    type: 'status',
    jobId,
    status: s,
    polls,
    elapsedMs: 0,
  });
  return {
    s: { type: 'submitted', jobId },
    q: status('queued', 1),
    p: status('pending', 1),
    n: status('running', 1),
    c: status('completed', 1),
    f: status('failed', 1),
    e: status('error', 1),
    g: { type: 'progress', done: 1, total: 2, partsDone: 1, partsTotal: 2 },
    r: { type: 'result', jobId, data },
  };
}
