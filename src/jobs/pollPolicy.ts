import { checkOptions } from '../http/checkOptions';
import { PulseValidationError } from '../http/errors';
import { PollPolicySchema } from '../schemas/options';
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

/**
 * Fills the gaps of a partial policy (from `base`) after checking each field with its rule;
 * errors name the option path under `root` (`poll.maxWaitMs`, `options.poll.jitter`).
 */
export function resolvePollPolicy(
  partial: Partial<PollPolicy> = {},
  base: PollPolicy = DEFAULT_POLL_POLICY,
  root = 'poll',
): PollPolicy {
  const policy = { ...base, ...checkOptions(PollPolicySchema, partial, root) };
  if (!(policy.maxIntervalMs >= policy.minIntervalMs)) {
    throw new PulseValidationError(`${root}.minIntervalMs`, 'must not be over maxIntervalMs', { limit: policy.maxIntervalMs });
  }
  return policy;
}

function clamp(x: number, lo: number, hi: number): number {
  return Number.isFinite(x) ? Math.min(hi, Math.max(lo, x)) : lo;
}
