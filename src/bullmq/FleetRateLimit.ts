import type { Redis } from 'ioredis';
import { PulseAbortError, PulseValidationError } from '../errors';
import type { AbortLike } from '../http/Closer';
import type { SharedRateLimit } from '../http/SharedRateLimit';

/**
 * The organisation's schedule, in Redis (GCRA): each caller reserves the next free start time,
 * `1000 / rps` ms after the previous one (a quiet spell lends up to `burst` slots at once),
 * on Redis's clock: one clock for every machine. A fleet-wide pause pushes reservations past
 * its end. Returns {ms to wait until the reserved slot, the slot's time}. Callers then wait
 * exactly until their own slot: no thundering herd, no slot left unused.
 */
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = 1000 / tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
local slot = math.max(tat, now - (burst - 1) * interval, paused)
redis.call('SET', KEYS[1], tostring(slot + interval), 'PX', math.ceil(slot + interval - now + 60000))
local wait = math.max(0, math.ceil(slot - now))
return {wait, math.floor(math.max(slot, now))}
`;

/** Extends the fleet-wide pause to now + ARGV[1] ms (a later pause never shortens an earlier one). */
const PAUSE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local untilMs = now + tonumber(ARGV[1])
local cur = tonumber(redis.call('GET', KEYS[1]) or '0')
if untilMs > cur then redis.call('SET', KEYS[1], tostring(untilMs), 'PX', tonumber(ARGV[1]) + 1000) end
return untilMs - now
`;

/** Options of {@link FleetRateLimit}. */
export interface FleetRateLimitOptions {
  /** The organisation's budget: requests started per second across the whole fleet. */
  requestsPerSecond: number;
  /** Requests that may start back to back after a quiet spell. @default 1 */
  burst?: number;
  /** Redis key prefix; one bucket per prefix (use one per organisation). @default 'pulse:limit' */
  key?: string;
}

/**
 * The organisation's rate limit shared by every worker of a fleet: a schedule held in Redis
 * (one clock, Redis's) in which every request reserves its start time, `1000 / rps` ms apart, and a
 * fleet-wide pause that a 429 seen by any worker sets for its Retry-After, holding every
 * worker's requests until it passes. Give it to a client as its `sharedRateLimit` option.
 *
 * @example
 * ```ts
 * const limit = new FleetRateLimit(redis, { requestsPerSecond: 50 });
 * const client = PulseClient.withToken(token, { sharedRateLimit: limit });
 * ```
 */
export class FleetRateLimit implements SharedRateLimit {
  readonly requestsPerSecond: number;
  readonly burst: number;
  private readonly bucketKey: string;
  private readonly pauseKey: string;

  constructor(
    private readonly redis: Redis,
    options: FleetRateLimitOptions,
  ) {
    const rps = options?.requestsPerSecond;
    if (typeof rps !== 'number' || !(rps > 0) || !Number.isFinite(rps)) {
      throw new PulseValidationError('requestsPerSecond', 'must be a positive, finite number');
    }
    const burst = options.burst ?? 1;
    if (typeof burst !== 'number' || !Number.isInteger(burst) || burst < 1) {
      throw new PulseValidationError('burst', 'must be a positive integer');
    }
    const key = options.key ?? 'pulse:limit';
    if (typeof key !== 'string' || key === '') throw new PulseValidationError('key', 'must be a non-empty string');
    this.requestsPerSecond = rps;
    this.burst = burst;
    this.bucketKey = `${key}:next`;
    this.pauseKey = `${key}:pause`;
  }

  /**
   * Resolves when this process may start one request: it reserves the fleet's next free
   * slot and waits for it; resolves to the slot's time on Redis's clock (ms since the epoch).
   * A pause set while it waited (another worker's 429) sends it back for a later slot.
   * Rejects with `PulseAbortError` when `signal` aborts.
   */
  async acquire(signal?: AbortLike): Promise<number> {
    for (;;) {
      if (signal?.aborted) throw new PulseAbortError();
      const reply = (await this.redis.eval(TAKE, 2, this.bucketKey, this.pauseKey, this.requestsPerSecond, this.burst)) as [
        number,
        number,
      ];
      const [wait, slot] = reply.map(Number) as [number, number];
      if (wait <= 0) return slot;
      await sleep(wait, signal);
      if ((await this.pausedForMs()) <= 0) return slot;
    }
  }

  /** Holds every worker's requests for `ms` from now (a 429's Retry-After). Resolves to the pause left. */
  async pause(ms: number): Promise<number> {
    if (!(ms > 0) || !Number.isFinite(ms)) return 0;
    return Number(await this.redis.eval(PAUSE, 1, this.pauseKey, Math.ceil(ms)));
  }

  /** Milliseconds left in the fleet-wide pause (0 when none). */
  async pausedForMs(): Promise<number> {
    const [until, [seconds, micros]] = await Promise.all([
      this.redis.get(this.pauseKey),
      this.redis.time() as Promise<[string | number, string | number]>,
    ]);
    const now = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
    return Math.max(0, Number(until ?? 0) - now);
  }
}

function sleep(ms: number, signal?: AbortLike): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', abort);
      resolve();
    }
    function abort() {
      clearTimeout(timer);
      reject(new PulseAbortError());
    }
    signal?.addEventListener('abort', abort, { once: true });
  });
}
