import { PulseValidationError } from '../errors';
import { checkOptions } from '../http/checkOptions';
import { checkedElsewhere, optionsObject } from '../schemas/optionsObject';
import { estimateDuration, type DurationEstimate, type DurationObservation } from './durationModel';
import { pollDelayMs, type PollPolicy } from './pollPolicy';

/** Options of `adaptive()`. */
export interface AdaptivePollOptions {
  /**
   * Observations to start from: another policy's `toJSON().observations` (saved from an
   * earlier run), or guesses of your own, e.g. `{ kind: 'themes', size: 1000, minMs: 45000, maxMs: 49000 }`.
   * @default []
   */
  prior?: readonly DurationObservation[];
  /**
   * Observations kept per job kind. Beyond it the oldest job seen only once done is dropped
   * (it bounds durations from above only), else the oldest. @default 16
   */
  memory?: number;
}

/** The known keys of `AdaptivePollOptions` (their values are checked by the constructor). */
const AdaptivePollOptionsSchema = optionsObject(checkedElsewhere('prior', 'memory'));

/** The job being polled, as the policy sees it. */
export interface PolledJob {
  kind: string;
  /** Input items; unknown for a job resumed by id (then the policy does not guess). */
  size?: number;
}

/** Estimates kept (kinds × sizes) before the cache starts again. */
const ESTIMATES_KEPT = 256;
/** Share of the expected duration between two polls near the expected completion (the lag it allows). */
const DENSE_SHARE = 0.04;
/** Polls start this many spreads before the expected completion and end this many after it. */
const EARLY_SPREADS = 1.5;
const LATE_SPREADS = 1.5;

/**
 * The wait before the next poll of a job `elapsedMs` after its submission, given its
 * expected duration: none before `expected − 1.5 spread` (the job cannot be done yet),
 * then polls every `max(denseIntervalMs, 4% of expected, 0.75 spread)` on a grid ending at
 * `expected + 1.5 spread`, then a backoff growing with the overrun up to `maxIntervalMs`.
 * Jitter moves each poll by at most ±jitter/2 of the grid step. Pure: no clock, no RxJS.
 *
 * @example
 * adaptiveDelayMs({ expectedMs: 10000, spreadMs: 300, samples: 3 }, 0, DEFAULT_POLL_POLICY, 0.5); // 10000
 */
export function adaptiveDelayMs(estimate: DurationEstimate, elapsedMs: number, policy: PollPolicy, random: number): number {
  const { expectedMs, spreadMs } = estimate;
  // An uncertain estimate gets a coarser grid, so that a wide window costs no more than ~5 polls.
  const step = Math.max(policy.denseIntervalMs ?? policy.minIntervalMs / 2, DENSE_SHARE * expectedMs, 0.75 * spreadMs, 1);
  const lo = expectedMs - EARLY_SPREADS * spreadMs;
  const hi = expectedMs + LATE_SPREADS * spreadMs;
  let wait: number;
  if (elapsedMs < hi) {
    const from = Math.max(lo, elapsedMs);
    let next = hi - Math.floor((hi - from) / step) * step;
    // A poll jittered early from a grid point is that point's poll: the next one is a step on.
    if (next - elapsedMs <= (policy.jitter / 2) * step) next += step;
    wait = next - elapsedMs;
  } else {
    wait = Math.min(Math.max(step, policy.maxIntervalMs), Math.max(step, 0.25 * (elapsedMs - expectedMs)));
  }
  const r = Number.isFinite(random) ? Math.min(1, Math.max(0, random)) : 0.5;
  return Math.max(0, Math.round(wait + (policy.jitter / 2) * Math.min(step, wait) * (2 * r - 1)));
}

/**
 * A poll policy that learns how long jobs take, per kind and input size, and polls around
 * the expected completion (see `adaptiveDelayMs`). Until it has seen a job of a kind it
 * polls as the exponential policy does (at once, then `minIntervalMs × multiplier^n`).
 * One instance can serve several clients, and `toJSON()` saves what it learned.
 *
 * @example
 * import { adaptive, PulseClient } from 'pulse-rx';
 * const learned = adaptive({ prior: JSON.parse(saved).observations });
 * const client = new PulseClient({ poll: { strategy: learned } });
 * // later: save JSON.stringify(learned)
 */
export class AdaptivePoll {
  private readonly byKind = new Map<string, DurationObservation[]>();
  /** Estimates by kind and size, until the kind's next observation (a fit takes a few ms). */
  private readonly estimates = new Map<string, DurationEstimate | undefined>();
  private readonly memory: number;
  private readonly listeners = new Set<(kind: string, observation: DurationObservation) => void>();

  constructor(options: AdaptivePollOptions = {}) {
    checkOptions(AdaptivePollOptionsSchema, options, 'poll.strategy');
    this.memory = options.memory ?? 16;
    if (!Number.isInteger(this.memory) || this.memory < 1) {
      throw new PulseValidationError('poll.strategy.memory', 'must be a positive integer', { value: String(this.memory) });
    }
    const prior = options.prior ?? [];
    if (!Array.isArray(prior)) {
      const saved = prior !== null && typeof prior === 'object' && Array.isArray((prior as { observations?: unknown }).observations);
      const hint = saved ? ": a saved policy's .observations (adaptive({ prior: saved.observations }))" : '';
      throw new PulseValidationError('poll.strategy.prior', `must be an array of observations${hint}`);
    }
    prior.forEach((o, i) => this.add(o, `poll.strategy.prior[${i}]`));
  }

  /**
   * Records a finished job: completed between `minMs` and `maxMs` after submission. The
   * jobs of its kind being polled plan their next poll again at once (`onObserve`): sibling
   * parts of one call teach each other as soon as the first one ends.
   */
  observe(observation: DurationObservation): void {
    this.add(observation, 'observation');
    const seen = { ...observation };
    for (const listener of [...this.listeners]) listener(observation.kind, seen);
  }

  /** Calls `listener(kind, observation)` after each `observe`; returns the function that stops it. */
  onObserve(listener: (kind: string, observation: DurationObservation) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The expected duration of a job of `kind` and `size`, or `undefined` before any job of the kind. */
  estimate(kind: string, size: number): DurationEstimate | undefined {
    const key = `${kind}\u0000${size}`;
    if (this.estimates.has(key)) return this.estimates.get(key);
    const estimate = estimateDuration(this.byKind.get(kind) ?? [], size);
    if (this.estimates.size >= ESTIMATES_KEPT) this.estimates.clear();
    this.estimates.set(key, estimate);
    return estimate;
  }

  /**
   * Wait before poll number `polls + 1` of `job`, `elapsedMs` after its submission: the
   * exponential policy's (none before the first poll) when nothing is known, else `adaptiveDelayMs`.
   */
  delayMs(job: PolledJob, elapsedMs: number, polls: number, policy: PollPolicy, random: number): number {
    const estimate = job.size === undefined ? undefined : this.estimate(job.kind, job.size);
    if (!estimate) return polls === 0 ? 0 : pollDelayMs(polls, policy, random);
    // Polled for the first time after it should be done (a handle subscribed late): look at once.
    if (polls === 0 && elapsedMs >= estimate.expectedMs + LATE_SPREADS * estimate.spreadMs) return 0;
    return adaptiveDelayMs(estimate, elapsedMs, policy, random);
  }

  /** What it learned, to save and pass back as `adaptive({ prior: saved.observations })`. */
  toJSON(): { observations: DurationObservation[] } {
    return { observations: [...this.byKind.values()].flat() };
  }

  private add(o: DurationObservation, path: string): void {
    if (o === null || typeof o !== 'object' || typeof o.kind !== 'string' || o.kind === '') {
      throw new PulseValidationError(`${path}.kind`, 'must be a non-empty string');
    }
    for (const field of ['size', 'minMs', 'maxMs'] as const) {
      const v = o[field];
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
        throw new PulseValidationError(`${path}.${field}`, 'must be a finite number >= 0', { value: String(v) });
      }
    }
    if (o.maxMs < o.minMs) throw new PulseValidationError(`${path}.maxMs`, 'must be at least minMs');
    for (const key of [...this.estimates.keys()]) if (key.startsWith(`${o.kind}\u0000`)) this.estimates.delete(key);
    const list = this.byKind.get(o.kind) ?? [];
    list.push({ kind: o.kind, size: o.size, minMs: o.minMs, maxMs: o.maxMs });
    while (list.length > this.memory) {
      // A job seen only once done (polled at the expected time) bounds durations from above
      // only: drop the oldest of those first, so that what bounds them from below is kept.
      const blind = list.findIndex((x) => x.minMs === 0);
      list.splice(blind >= 0 && blind < list.length - 1 ? blind : 0, 1);
    }
    this.byKind.set(o.kind, list);
  }
}

/**
 * An adaptive poll policy, optionally seeded (`prior`); pass it as `poll.strategy` to share
 * what it learns between clients.
 *
 * @example
 * const client = new PulseClient({ poll: { strategy: adaptive({ prior: [{ kind: 'sentiment', size: 500, minMs: 3800, maxMs: 4200 }] }) } });
 */
export function adaptive(options: AdaptivePollOptions = {}): AdaptivePoll {
  return new AdaptivePoll(options);
}
