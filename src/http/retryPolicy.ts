/**
 * Retry timing: pure functions, no RxJS, tested with tables.
 */

/** How failed attempts are retried. */
export interface RetryConfig {
  /** Retries after the first attempt. @default 2 */
  maxRetries: number;
  /** Delay before the first retry, in ms. @default 500 */
  initialDelayMs: number;
  /** Cap of the exponential delay, in ms. @default 8000 */
  maxDelayMs: number;
  /** Fraction of the delay removed at random (0 to 1), to spread retries. @default 0.25 */
  jitter: number;
  /**
   * Longest `Retry-After` honoured (on 429, 503 and every other retryable status), in ms; above
   * it the call fails at once with the status's error (`RateLimitError`, `ServerError`, ...).
   * @default 60000
   */
  maxRetryAfterMs: number;
}

/** The retry policy used when the client sets none. */
export const DEFAULT_RETRY: RetryConfig = {
  maxRetries: 2,
  initialDelayMs: 500,
  maxDelayMs: 8000,
  jitter: 0.25,
  maxRetryAfterMs: 60_000,
};

/** Statuses worth retrying: timeouts, conflicts, rate limits and server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * Exponential backoff with jitter for retry number `retry` (1-based):
 * `min(maxDelay, initial * 2^(retry-1)) * (1 - jitter * random)`.
 */
export function backoffDelayMs(retry: number, config: RetryConfig, random: number): number {
  const base = Math.min(config.maxDelayMs, config.initialDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.max(0, Math.round(base * (1 - config.jitter * clamp01(random))));
}

/**
 * The server's requested wait, from `retry-after-ms` (milliseconds) or `retry-after`
 * (seconds, or an HTTP date relative to `nowMs`). Undefined when absent or unreadable.
 */
export function parseRetryAfterMs(headers: Record<string, string | undefined>, nowMs: number): number | undefined {
  const ms = headers['retry-after-ms'];
  if (ms !== undefined && ms.trim() !== '') {
    const value = Number(ms);
    if (Number.isFinite(value) && value >= 0) return Math.round(value);
  }
  const after = headers['retry-after'];
  if (after === undefined || after.trim() === '') return undefined;
  const seconds = Number(after);
  if (Number.isFinite(seconds)) return seconds >= 0 ? Math.round(seconds * 1000) : undefined;
  const date = Date.parse(after);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/** The delay before a retry: the server's `Retry-After` when given, else the backoff. */
export function retryDelayMs(
  retry: number,
  retryAfterMs: number | undefined,
  config: RetryConfig,
  random: number,
): number {
  return retryAfterMs !== undefined ? retryAfterMs : backoffDelayMs(retry, config, random);
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
