import type { SchedulerLike } from 'rxjs';
import type { AuthProvider } from '../auth/AuthProvider';
import type { Logger, LogLevel } from '../http/logger';
import type { RetryConfig } from '../http/retryPolicy';
import type { SharedRateLimit } from '../http/SharedRateLimit';
import type { HttpClientInstance } from '../http/types';
import type { PollPolicy } from '../jobs/pollPolicy';

/**
 * Options of `new PulseClient(options)`. Each is checked by its rule (own properties only)
 * when the client is built: a bad value is a `PulseValidationError` naming the option path
 * (`poll.maxWaitMs`, `retry.jitter`, `logLevel`).
 */
export interface PulseClientOptions {
  /**
   * API base URL, including the version path.
   * @default process.env.PULSE_BASE_URL, else `https://pulse.researchwiseai.com/v1`
   */
  baseUrl?: string;
  /** Token provider; omit for the unauthenticated endpoints only (health, usage). */
  auth?: AuthProvider;
  /** Per-attempt timeout in ms, covering headers and body; `Infinity` for none. @default 60000 */
  timeoutMs?: number;
  /** Retries of a failed attempt (connection errors, timeouts, 408, 409, 429, 5xx). @default 2 */
  maxRetries?: number;
  /** Finer retry timing; `maxRetries` wins over `retry.maxRetries`. */
  retry?: Partial<RetryConfig>;
  /** Job polling policy. */
  poll?: Partial<PollPolicy>;
  /**
   * Times a job that ends `failed` is submitted again (a new job, a new idempotency key)
   * before the call fails with `JobFailedError`. Analyses are pure reads, so a resubmission
   * is safe, but it may cost credits twice. @default 0
   */
  resubmitFailedJobs?: number;
  /** Batches in flight when a call is split into batches. @default 4 */
  concurrency?: number;
  /**
   * Requests in flight across every call of this client (the client-wide limiter); in Node it
   * also sizes the default keep-alive pool (`maxInFlight + 1` sockets a host). @default 16
   */
  maxInFlight?: number;
  /** Requests started per second across every call of this client. @default unlimited */
  requestsPerSecond?: number;
  /**
   * A rate limit shared with other processes, e.g. a fleet's `FleetRateLimit` (`pulse-rx/bullmq`):
   * every attempt takes a token of it first, and a 429 pauses every process sharing it.
   * @default none
   */
  sharedRateLimit?: SharedRateLimit;
  /** Where to write logs (tokens and secrets are redacted). @default none */
  logger?: Logger;
  /** Minimum level logged. @default 'warn' */
  logLevel?: LogLevel;
  /**
   * Your axios instance (agents, proxy, interceptors). @default a fresh `axios.create()`; in Node
   * with keep-alive agents of `maxInFlight + 1` sockets per host, closed by `close()`
   */
  axios?: HttpClientInstance;
  /** Scheduler for every wait (backoff, polling, timeouts); tests pass a virtual one. @default asyncScheduler */
  scheduler?: SchedulerLike;
  /** Longest text accepted, in characters (checked before sending). @default 100000 */
  maxTextLength?: number;
  /**
   * Most bytes one response body may have once decompressed (results from the result link
   * included); past it reading and decompressing stop and the call fails with
   * `ResponseTooLargeError`. The default, 500 MiB, is above the largest legitimate answer:
   * 5,000 embeddings of 3,072 numbers take 329 MB of JSON as recorded (21.45 bytes a number,
   * at most 369 MB at the longest spelling), leaving room for the echoed texts, and it stays
   * under the longest string V8 can build (536,870,888 chars), past which JSON cannot be read.
   * @default 524288000
   */
  maxResponseBytes?: number;
  /**
   * Largest result a call may plan, in numbers: similarity scores (n × n for `set`,
   * |setA| × |setB| for a cross-similarity), embedding values (inputs × 3,072) or extraction
   * cells (inputs × dictionary terms). A call over it fails with `PulseValidationError`
   * before any request. The default (1e8 numbers, about 0.8 GB as JS numbers) is 6.5 times
   * the largest single embeddings job and fits Node's default heap with the stitched copy;
   * `Infinity` for no bound.
   * @default 100000000
   */
  maxPlannedOutput?: number;
  /**
   * Allow `http://` to a host other than loopback (tokens would travel in clear). The same
   * rule covers result links (a plain http link is refused otherwise) and, through
   * `withClientCredentials`/`withPkce`, the token URL. @default false
   */
  allowInsecureHttp?: boolean;
  /** Random source for jitter, in [0, 1). @default Math.random */
  random?: () => number;
  /**
   * Unsubscribing from a call (or a job's polling) before its job ends also cancels the job
   * on the server (`DELETE /jobs/{id}`, best effort; a split call cancels every running part).
   * Per call: the `cancelOnUnsubscribe` call option. @default false
   */
  cancelOnUnsubscribe?: boolean;
}
