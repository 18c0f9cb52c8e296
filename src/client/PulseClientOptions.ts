import type { SchedulerLike } from 'rxjs';
import type { AuthProvider } from '../auth/AuthProvider';
import type { Logger, LogLevel } from '../http/logger';
import type { RetryConfig } from '../http/retryPolicy';
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
  /** Requests in flight across every call of this client (the client-wide limiter). @default 16 */
  maxInFlight?: number;
  /** Requests started per second across every call of this client. @default unlimited */
  requestsPerSecond?: number;
  /** Where to write logs (tokens and secrets are redacted). @default none */
  logger?: Logger;
  /** Minimum level logged. @default 'warn' */
  logLevel?: LogLevel;
  /** Your axios instance (agents, proxy, interceptors). @default a fresh `axios.create()` */
  axios?: HttpClientInstance;
  /** Scheduler for every wait (backoff, polling, timeouts); tests pass a virtual one. @default asyncScheduler */
  scheduler?: SchedulerLike;
  /** Longest text accepted, in characters (checked before sending). @default 100000 */
  maxTextLength?: number;
  /**
   * Allow `http://` to a host other than loopback (tokens would travel in clear). The same
   * rule covers result links (a plain http link is refused otherwise) and, through
   * `withClientCredentials`/`withPkce`, the token URL. @default false
   */
  allowInsecureHttp?: boolean;
  /** Random source for jitter, in [0, 1). @default Math.random */
  random?: () => number;
}
