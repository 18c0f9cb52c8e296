import type { Observable } from 'rxjs';
import type { Job } from '../jobs/Job';
import type { JobEvent } from '../jobs/JobEvent';
import type { PollPolicy } from '../jobs/pollPolicy';

/** Per-call options; the last argument of every endpoint method. */
export interface CallOptions {
  /**
   * `true`: emit the result once the job is done. `false`: emit the `Job` handle right
   * after submission (poll it yourself, or store `{ id, kind }` and resume later).
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
