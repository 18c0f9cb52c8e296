import { PulseValidationError } from '../http/errors';
/** How a job is polled. Pure data and maths, no RxJS. */
export interface PollPolicy {
  /** Shortest wait between polls, in ms (the first poll is immediate). @default 500 */
  minIntervalMs: number;
  /** Longest wait between polls, in ms. @default 5000 */
  maxIntervalMs: number;
  /** Growth of the wait after each poll. @default 1.5 */
  multiplier: number;
  /** Random spread of each wait, as a fraction (0.2 = ±20%). @default 0.2 */
  jitter: number;
  /** Give up (JobTimeoutError) after this long, in ms; `Infinity` (or over ~24.8 days) waits forever. @default 600000 */
  maxWaitMs: number;
}

/** The polling policy used when the client sets none. */
export const DEFAULT_POLL_POLICY: PollPolicy = {
  minIntervalMs: 500,
  maxIntervalMs: 5000,
  multiplier: 1.5,
  jitter: 0.2,
  maxWaitMs: 600_000,
};

/**
 * Wait after the `polls`-th poll (1-based): `min * multiplier^(polls-1)`, spread by
 * ±jitter, kept within `[minIntervalMs, maxIntervalMs]`.
 */
export function pollDelayMs(polls: number, policy: PollPolicy, random: number): number {
  const base = policy.minIntervalMs * policy.multiplier ** Math.max(0, polls - 1);
  const spread = 1 + policy.jitter * (2 * clamp(random, 0, 1) - 1);
  return Math.round(clamp(base * spread, policy.minIntervalMs, policy.maxIntervalMs));
}

/** Fills the gaps of a partial policy with the defaults and checks the numbers. */
export function resolvePollPolicy(partial: Partial<PollPolicy> = {}): PollPolicy {
  const policy = { ...DEFAULT_POLL_POLICY, ...partial };
  if (!(policy.minIntervalMs >= 0) || !(policy.maxIntervalMs >= policy.minIntervalMs)) {
    throw new PulseValidationError('poll.minIntervalMs', 'must be from 0 to maxIntervalMs');
  }
  if (!(policy.multiplier >= 1) || !(policy.jitter >= 0 && policy.jitter <= 1) || !(policy.maxWaitMs > 0)) {
    throw new PulseValidationError('poll', 'needs multiplier >= 1, 0 <= jitter <= 1 and maxWaitMs > 0');
  }
  return policy;
}

function clamp(x: number, lo: number, hi: number): number {
  return Number.isFinite(x) ? Math.min(hi, Math.max(lo, x)) : lo;
}
