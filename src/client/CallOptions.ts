import type { Observable } from 'rxjs';
import type { Job } from '../jobs/Job';
import type { JobEvent } from '../jobs/JobEvent';
import type { PollPolicy } from '../jobs/pollPolicy';
import type { RunStore } from '../jobs/RunStore';

/** A resumable run: where its record lives and its id (see `RunLog` for the record format). */
export interface RunOptions {
  /** Where the run's record is kept (`MemoryRunStore`, `FileRunStore`, `LocalStorageRunStore`, ...). */
  store: RunStore;
  /** The run's id: running the same id again resumes it (1 to 200 visible ASCII characters). */
  id: string;
}

/** Per-call options; the last argument of every endpoint method. */
export interface CallOptions {
  /**
   * `true`: emit the result once the job is done. `false`: emit the `Job` handle right
   * after submission (poll it yourself, or store `{ id, kind }` and resume later). On a call
   * the client splits into parts, a `SplitJob` once every part is submitted (its JSON holds
   * every part's job and input range; `client.jobs.resume(json)` continues it).
   * @default true
   */
  awaitJobResult?: boolean;
  /**
   * `'events'`: stream `submitted`, `status` and `result` events instead of the body. On a
   * call the client splits into parts, the `submitted`/`status` events carry `{ part, of }`,
   * a `progress` event follows each finished part, and one `result` (stitched) ends it.
   * @default 'body'
   */
  observe?: 'body' | 'events';
  /** Aborting it cancels the call with `PulseAbortError`. */
  signal?: AbortSignal;
  /** Per-attempt timeout in ms for this call's requests. @default the client's `timeoutMs` */
  timeoutMs?: number;
  /** `Idempotency-Key` for the submission; one is generated per call when absent. */
  idempotencyKey?: string;
  /** Polling overrides for this call (e.g. `{ maxWaitMs: 60000 }`). */
  poll?: Partial<PollPolicy>;
  /** Batches in flight when the input is split into batches. @default the client's `concurrency` */
  concurrency?: number;
  /**
   * Emit every batch's outcome (`{ batches: [...] }`) instead of failing the whole call
   * when one batch fails. @default false
   */
  settle?: boolean;
  /**
   * Unsubscribing before the job ends cancels it on the server (`DELETE /jobs/{id}`, best
   * effort; on a split call, every running part). @default the client's `cancelOnUnsubscribe` (false)
   */
  cancelOnUnsubscribe?: boolean;
  /**
   * Estimate the call's credits with `estimateUsage` before the first submission and refuse
   * with `BudgetExceededError` (sending nothing else) when the estimate is over `maxCredits`.
   * @default no budget: no estimate is asked for
   */
  budget?: BudgetConfig;
  /**
   * Fields merged into the JSON body as they are, unvalidated (the escape hatch for fields
   * the schema does not know yet, such as `ignoreCache`); they win over the request's own.
   * Sent with every part of a split call.
   * @default none
   */
  extraBody?: Record<string, unknown>;
  /**
   * Headers added to the submission request (of every part of a split call; not to polls or
   * result links); their values are scrubbed from every error and log line. @default none
   */
  extraHeaders?: Record<string, string>;
  /** Query parameters added to the submission's URL. @default none */
  extraQuery?: Record<string, string>;
  /**
   * Record the call's parts in `store` under `id` as they are submitted and finish: running
   * the same id again (after a crash, in another process) resubmits nothing that was
   * submitted, polls the jobs still running and fetches the finished parts' results again.
   * Parts' idempotency keys derive from the id (`<id>.part-<n>`). Synchronous parts
   * (`fast: true`) hold no job: they run again. The record stays after success (running the
   * id again fetches the results again while the service keeps them): `store.delete(id)`
   * forgets it. Not with `settle`.
   */
  run?: RunOptions;
}

/** A cost ceiling for a call or a run (`budget` option). */
export interface BudgetConfig {
  /** Most credits the call may use, as `estimateUsage` counts them. */
  maxCredits: number;
}

/** The outcome of one batch of a split call (`settle: true`). */
export type BatchOutcome<T> =
  | { index: number; status: 'fulfilled'; value: T }
  | { index: number; status: 'rejected'; error: unknown };

/** What a call with `settle: true` emits: one outcome per batch, in input order. */
export interface SettledBatches<T> {
  batches: BatchOutcome<T>[];
}

/** Options for calls that never become jobs (health, credits, usage). */
export type SimpleCallOptions = Pick<CallOptions, 'signal' | 'timeoutMs'>;

/**
 * What an endpoint method returns for options `O`: the result by default, the events with
 * `observe: 'events'`, the `Job` handle with `awaitJobResult: false`.
 */
export type CallResult<T, O extends CallOptions | undefined> = O extends { settle: true }
  ? Observable<SettledBatches<T>>
  : O extends { observe: 'events' }
  ? Observable<JobEvent<T>>
  : O extends { awaitJobResult: false }
    ? Observable<Job<T>>
    : Observable<T>;
