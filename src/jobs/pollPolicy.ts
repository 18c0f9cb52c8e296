import { checkOptions } from '../http/checkOptions';
import { PulseValidationError } from '../errors';
import { hasAdaptivePollMethods, PollOptionSchema } from '../schemas/options';
import type { AdaptivePoll } from './adaptivePoll';

/** How a job is polled. Pure data and maths, no RxJS. */
export interface PollPolicy {
  /**
   * When to poll. `'adaptive'` (the default) learns, per job kind and input size, how long
   * jobs take (from the submission time and the two polls its completion fell between) and
   * polls around the expected completion: none before it could be done, every 4% of the
   * expected duration (at least `denseIntervalMs`) around it, backing off to `maxIntervalMs`
   * after it. The expected duration is the middle of the window every job seen shares (the
   * last time one was seen unfinished, the first time one was seen finished), or a weighted
   * fit when jobs vary more than that. Until it has seen a job of the kind it polls as
   * `'exponential'` does; when a job of a kind ends, the other jobs of the kind being polled
   * (sibling parts of a split call) re-plan their next poll at once from what it taught, and
   * while the kind has at most two observations a sibling of about its size (within 10%) looks
   * when it is as old as that job was when seen done. Each client learns on its own; pass an `adaptive({ prior })` instance to seed it or to share
   * it between clients (`toJSON()` saves what it learned). `'exponential'`: poll at once,
   * then `minIntervalMs × multiplier^n` up to `maxIntervalMs` (with `multiplier: 1`, a fixed
   * interval). `maxWaitMs` and `jitter` apply to every strategy.
   * @default 'adaptive'
   * @example
   * new PulseClient({ poll: { strategy: adaptive({ prior: saved.observations }) } });
   * new PulseClient({ poll: { strategy: 'exponential', minIntervalMs: 1000, multiplier: 1 } }); // fixed 1 s
   */
  strategy?: 'adaptive' | 'exponential' | AdaptivePoll;
  /**
   * Shortest wait between polls, in ms (the first poll is immediate unless a learned estimate
   * says wait). A poll re-planned because another job of the kind just ended comes at least a
   * fifth of it after the previous poll. @default 500
   */
  minIntervalMs: number;
  /**
   * Shortest wait between the polls the adaptive policy makes around a learned expected
   * completion, in ms (at most `minIntervalMs`): the closer they are, the sooner a result is
   * seen and the better the next estimate. @default half of `minIntervalMs`
   */
  denseIntervalMs?: number;
  /** Longest wait between polls, in ms. @default 5000 */
  maxIntervalMs: number;
  /** Growth of the wait after each poll. @default 1.5 */
  multiplier: number;
  /** Random spread of each wait, as a fraction (0.2 = ±20%). @default 0.2 */
  jitter: number;
  /** Give up (JobTimeoutError) after this long, in ms; `Infinity` (or over ~24.8 days) waits forever. @default 600000 */
  maxWaitMs: number;
  /**
   * A job this client submitted may be briefly unknown to the service right after the
   * submission: a 404 on its status read within this many ms of the submission is read again
   * (after the usual poll wait), as the vendor's SDKs do; after it, or for a job resumed by
   * id, a 404 fails with `NotFoundError`. From 0 (off) to 60000. @default 5000
   */
  notFoundGraceMs?: number;
}

/** The polling policy used when the client sets none. */
export const DEFAULT_POLL_POLICY: PollPolicy = {
  minIntervalMs: 500,
  maxIntervalMs: 5000,
  multiplier: 1.5,
  jitter: 0.2,
  maxWaitMs: 600_000,
  notFoundGraceMs: 5000,
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
  const policy = { ...base, ...checkOptions(PollOptionSchema, partial, root) };
  if (policy.denseIntervalMs !== undefined && !(policy.denseIntervalMs <= policy.minIntervalMs)) {
    const problem = `must not be over minIntervalMs (${policy.minIntervalMs}); raise minIntervalMs too`;
    throw new PulseValidationError(`${root}.denseIntervalMs`, problem, { limit: policy.minIntervalMs });
  }
  if (!(policy.maxIntervalMs >= policy.minIntervalMs)) {
    throw new PulseValidationError(`${root}.minIntervalMs`, 'must not be over maxIntervalMs', { limit: policy.maxIntervalMs });
  }
  const strategy: unknown = policy.strategy;
  if (strategy !== undefined && strategy !== 'adaptive' && strategy !== 'exponential' && !isAdaptivePoll(strategy)) {
    throw new PulseValidationError(`${root}.strategy`, "must be 'adaptive', 'exponential' or adaptive({ prior })");
  }
  return policy;
}

function clamp(x: number, lo: number, hi: number): number {
  return Number.isFinite(x) ? Math.min(hi, Math.max(lo, x)) : lo;
}

/** Duck-typed, so that an `adaptive()` from another copy of the library is accepted too. */
export function isAdaptivePoll(x: unknown): x is AdaptivePoll {
  return hasAdaptivePollMethods(x);
}
