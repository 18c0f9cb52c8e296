import { catchError, defer, finalize, map, Observable, of, ReplaySubject, SchedulerLike, share, tap, throwError } from 'rxjs';
import { checkOptions } from '../http/checkOptions';
import { PulseApiError, PulseValidationError, ResponseValidationError } from '../errors';
import type { HttpTransport } from '../http/HttpTransport';
import { parseWith } from '../http/parseWith';
import { JobKindSchema, JobStatusSchema, type JobKind, type JobStatus } from '../schemas/jobs';
import { resultSchemas, type JobResult } from '../schemas/resultSchemas';
import { Job, type JobRef } from './Job';
import type { JobEvent } from './JobEvent';
import { pollJob } from './pollJob';
import { isSplitJobRef, type SplitJobRef } from './SplitJob';
import { AdaptivePoll } from './adaptivePoll';
import { isAdaptivePoll, resolvePollPolicy, type PollPolicy } from './pollPolicy';
import * as z from 'zod/mini';
import { optionRules, PollOptionSchema } from '../schemas/options';
import { checkedElsewhere, optionsObject } from '../schemas/optionsObject';
import { safeParse } from '../schemas/safeParse';

const PollOptionsSchema = optionsObject({
  poll: z.optional(PollOptionSchema),
  cancelOnUnsubscribe: z.optional(optionRules.boolean),
  // Set by the client itself when it submits (@internal).
  ...checkedElsewhere('size', 'submittedAt'),
});
/** Answers of a service without job cancellation: `cancel()` reports `false` for them. */
const NO_CANCEL = new Set([404, 405, 501]);

/** Per-call polling options. */
export interface PollOptions {
  /** Overrides the client's poll policy for this call. */
  poll?: Partial<PollPolicy>;
  /**
   * Unsubscribing before the job ends (the last subscriber of its shared poller) also
   * cancels it on the server (`job.cancel()`, best effort). @default the client's `cancelOnUnsubscribe` (false)
   */
  cancelOnUnsubscribe?: boolean;
  /** @internal Input items of the job, for the adaptive policy (set by the client when it submits). */
  size?: number;
  /** @internal When the job was submitted, in scheduler time (set by the client when it submits). */
  submittedAt?: number;
}

/**
 * The `/jobs` resource: status reads, polling streams and result downloads.
 *
 * @example
 * client.jobs.poll(jobId, 'sentiment').subscribe((e) => console.log(e));
 */
export class Jobs {
  constructor(
    private readonly transport: HttpTransport,
    private readonly scheduler: SchedulerLike,
    private readonly policy: PollPolicy,
    private readonly random: () => number = Math.random,
    private readonly defaults: { cancelOnUnsubscribe?: boolean } = {},
  ) {}

  /** @internal Set by the client: resumes a split call's handle (the client knows how to stitch parts). */
  splitResumer?: (ref: SplitJobRef, options: PollOptions) => Job<unknown>;

  /** What this client learned of job durations (the `'adaptive'` strategy when none is given). */
  private readonly learned = new AdaptivePoll();
  /** The one polling stream of each job being polled, by kind and id (removed when it ends or nobody listens). */
  private readonly pollers = new Map<string, Observable<JobEvent<unknown>>>();

  /** One status read: `GET /jobs?jobId=` (the id is URL-encoded; it may contain `/`). */
  status(jobId: string): Observable<JobStatus> {
    return defer(() => {
      checkId(jobId);
      return this.transport.send({ method: 'GET', path: '/jobs', query: { jobId } });
    }).pipe(map((res) => parseWith(JobStatusSchema, res.body, 'job status')));
  }

  /** Polls until the job ends: status events, then the result event, then complete (a shared poller, as `watch`). */
  poll<K extends JobKind>(jobId: string, kind: K, options: PollOptions = {}): Observable<JobEvent<JobResult<K>>> {
    return this.pollMapped(jobId, kind, (data) => data, options);
  }

  /**
   * The job's polling stream, shared by every subscriber of the same job in this client
   * (`poll`, `result`, handles and the client's own calls alike): one sequence of status
   * reads and one result download, however many listen. A subscriber joining late first
   * gets the latest status; the last one to unsubscribe stops the polling. The first
   * subscriber's poll options apply to all.
   *
   * @example
   * const events$ = client.jobs.watch(jobId, 'sentiment');
   * events$.subscribe(showProgress);
   * const result = await lastValueFrom(client.jobs.result(jobId, 'sentiment')); // no second poller
   */
  watch<K extends JobKind>(jobId: string, kind: K, options: PollOptions = {}): Observable<JobEvent<JobResult<K>>> {
    return this.poll(jobId, kind, options);
  }

  /** Polls quietly and emits only the result. */
  result<K extends JobKind>(jobId: string, kind: K, options: PollOptions = {}): Observable<JobResult<K>> {
    return this.resume({ id: jobId, kind }, options).result$;
  }

  /**
   * A `Job` handle for a job submitted earlier, possibly by another process; given a split
   * call's reference (`SplitJob.toJSON()`, with `parts`), a `SplitJob` that polls every part.
   */
  resume<K extends JobKind>(ref: { id: string; kind: K } | SplitJobRef, options: PollOptions = {}): Job<JobResult<K>> {
    if (isSplitJobRef(ref)) {
      checkKind(ref.kind);
      if (!this.splitResumer) throw new PulseValidationError('ref', 'split handles resume through a PulseClient');
      return this.splitResumer(ref, options) as Job<JobResult<K>>;
    }
    checkId(ref?.id);
    checkKind(ref.kind);
    return new Job(ref.id, ref.kind, () => this.poll(ref.id, ref.kind, options), () => this.cancel(ref.id));
  }

  /**
   * Asks the service to stop a job: `DELETE /jobs/{id}` (the vendor's Python SDK sends it;
   * the OpenAPI spec does not list it, so it is best effort). Emits `true` when the service
   * acknowledged, `false` when it does not know the job or cannot cancel (404, 405, 501),
   * then completes; other failures are errors. Not retried on 5xx.
   *
   * @example
   * client.jobs.cancel(job.id).subscribe((acknowledged) => console.log({ acknowledged }));
   */
  cancel(jobId: string): Observable<boolean> {
    return defer(() => {
      checkId(jobId);
      return this.transport.send({ method: 'DELETE', path: `/jobs/${encodeURIComponent(jobId)}`, maxRetries: 0 });
    }).pipe(
      map(() => true),
      catchError((err: unknown) =>
        err instanceof PulseApiError && NO_CANCEL.has(err.status)
          ? of(false)
          : throwError(() => this.transport.secrets.error(err)),
      ),
    );
  }

  /** Downloads and validates a result document (no Authorization header: it is a pre-signed link). */
  download<K extends JobKind>(resultUrl: string, kind: K): Observable<JobResult<K>> {
    return defer(() => {
      const url = this.transport.urlFor(resultUrl);
      // A signed link is a secret, and the result is data: same https rule as the API.
      if (!this.transport.allowsUrl(url)) {
        const message = 'result_url uses plain http to a non-loopback host (a downgrade): refused';
        return throwError(() => new ResponseValidationError(message, undefined));
      }
      this.transport.secrets.addUrl(url);
      return this.transport.send({ method: 'GET', path: url, auth: false });
    }).pipe(map((res) => parseWith(resultSchemas[kind], res.body, `${kind} result`) as JobResult<K>));
  }

  /** @internal Polling with a mapping of the result (the client rebuilds similarity matrices), on the shared poller. */
  pollMapped<K extends JobKind, T>(
    jobId: string,
    kind: K,
    mapResult: (data: JobResult<K>) => T,
    options: PollOptions = {},
  ): Observable<JobEvent<T>> {
    return defer(() => {
      checkId(jobId);
      checkKind(kind);
      const checked = checkOptions(PollOptionsSchema, options, 'options');
      const policy = this.policyFor(checked.poll);
      return this.poller(jobId, kind, policy, options) as Observable<JobEvent<JobResult<K>>>;
    }).pipe(
      map((e): JobEvent<T> => (e.type === 'result' ? { ...e, data: mapResult(e.data) } : e)),
      catchError((err: unknown) => throwError(() => this.transport.secrets.error(err))),
    );
  }

  /** The shared polling stream of a job: made by its first subscriber, dropped when it ends or nobody listens. */
  private poller(jobId: string, kind: JobKind, policy: PollPolicy, options: PollOptions): Observable<JobEvent<unknown>> {
    const key = JSON.stringify([kind, jobId]);
    const existing = this.pollers.get(key);
    if (existing) return existing;
    const strategy = policy.strategy ?? 'adaptive';
    const cancelOnUnsubscribe = options.cancelOnUnsubscribe ?? this.defaults.cancelOnUnsubscribe ?? false;
    let ended = false;
    const shared$: Observable<JobEvent<unknown>> = pollJob<unknown>(jobId, {
      getStatus: (id) => this.status(id),
      getResult: (url) => this.download(url, kind),
      scheduler: this.scheduler,
      policy,
      random: this.random,
      adaptive: strategy === 'adaptive' ? this.learned : isAdaptivePoll(strategy) ? strategy : undefined,
      job: { kind, size: options.size, submittedAt: options.submittedAt },
    }).pipe(
      // Ended at the result: a `firstValueFrom` subscriber leaves on it, before the completion.
      tap({ next: (e) => (ended ||= e.type === 'result'), complete: () => (ended = true), error: () => (ended = true) }),
      finalize(() => {
        if (this.pollers.get(key) === shared$) this.pollers.delete(key);
        // Everyone left before the end: stop the server's work too, when asked (best effort, errors dropped).
        if (!ended && cancelOnUnsubscribe) this.cancel(jobId).subscribe({ error: () => undefined });
      }),
      // Late subscribers get the latest status; after the end, a new subscriber polls anew.
      share({ connector: () => new ReplaySubject(1), resetOnRefCountZero: true }),
    );
    this.pollers.set(key, shared$);
    return shared$;
  }

  /** @internal The client's policy with a call's overrides, checked (`options.poll.*` names the option). */
  policyFor(poll: Partial<PollPolicy> | undefined): PollPolicy {
    return resolvePollPolicy(poll, this.policy, 'options.poll');
  }

  /** @internal A handle with a mapped result. */
  handle<K extends JobKind, T>(ref: JobRef & { kind: K }, mapResult: (data: JobResult<K>) => T, options: PollOptions = {}): Job<T> {
    const stamped = { submittedAt: this.scheduler.now(), ...options };
    return new Job(ref.id, ref.kind, () => this.pollMapped(ref.id, ref.kind, mapResult, stamped), () => this.cancel(ref.id));
  }
}

function checkId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || id.trim() === '') {
    throw new PulseValidationError('jobId', 'must be a non-empty string', { value: typeof id });
  }
}

function checkKind(kind: unknown): asserts kind is JobKind {
  if (!safeParse(JobKindSchema, kind).success) {
    throw new PulseValidationError('kind', `must be one of ${JobKindSchema.options.join(', ')}`, { value: String(kind) });
  }
}
