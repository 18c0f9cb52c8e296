import type { Redis } from 'ioredis';
import { PulseAbortError, PulseValidationError } from '../errors';
import type { AbortLike } from '../http/Closer';
import type { SharedRateLimit } from '../http/SharedRateLimit';
import { FleetRateLimitOptionsSchema } from '../schemas/fleetOptions';
import { checkOptions } from '../http/checkOptions';

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

/**
 * Admission, at the moment of sending: at most ARGV[1] requests in any sliding window of
 * ARGV[3] ms (and none during a fleet-wide pause), counted on Redis's clock. Returns 0 when
 * admitted (and records it), else the ms until one more fits. A process that slept past its
 * slot (a busy machine wakes timers late) cannot crowd a window this way.
 */
const ADMIT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
if paused > now then return paused - now end
local window = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return math.max(1, tonumber(oldest[2]) + window - now)
end
redis.call('ZADD', KEYS[1], now, ARGV[2])
redis.call('PEXPIRE', KEYS[1], window + 1000)
return 0
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
  /**
   * Share of the limit kept unused, so that requests that reach the service a little late or
   * early (a busy process wakes after its slot, a busy service reads a backlog at once) never
   * crowd any one second over the limit as the service counts it. The fleet schedules
   * `requestsPerSecond × (1 - headroom)` and, at the moment of sending, admits at most
   * `requestsPerSecond` in any sliding window of `1 s / (1 - headroom)` (87 ms longer than a
   * second by default): arrivals may then bunch by that much and still fit the service's
   * second. `npm run soak:fleet` (three workers at 50/s): busiest second at the service 47-50
   * requests; `npm run bench:fleet`: 92% of the limit with no 429. @default 0.08
   */
  headroom?: number;
  /** Redis key prefix; one bucket per prefix (use one per organisation). @default 'pulse:limit' */
  key?: string;
}

/**
 * The organisation's rate limit shared by every worker of a fleet: a schedule held in Redis
 * (one clock, Redis's) in which every request reserves its start time, `1000 / rps` ms apart
 * (less the headroom), an admission check at sending (at most `rps` in any sliding window of a
 * second stretched by the headroom), and a
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
  /** The rate requests are scheduled at: `requestsPerSecond × (1 - headroom)`. */
  readonly scheduledPerSecond: number;
  readonly burst: number;
  private readonly bucketKey: string;
  private readonly pauseKey: string;
  /** Requests admitted in the last second (a sorted set scored by Redis time). */
  private readonly windowKey: string;
  /** Most requests admitted in any sliding window of {@link windowMs}: the organisation's limit. */
  private readonly perWindowCap: number;
  /** The admission window: a second stretched by the headroom, in ms. */
  readonly windowMs: number;

  constructor(
    private readonly redis: Redis,
    options: FleetRateLimitOptions,
  ) {
    if (typeof (redis as Partial<Redis> | null)?.eval !== 'function') {
      throw new PulseValidationError('redis', 'must be an ioredis client');
    }
    const o = checkOptions(FleetRateLimitOptionsSchema, options ?? {}, '');
    const rps = o.requestsPerSecond;
    const burst = o.burst ?? 1;
    const headroom = o.headroom ?? 0.08;
    const key = o.key ?? 'pulse:limit';
    this.requestsPerSecond = rps;
    this.scheduledPerSecond = rps * (1 - headroom);
    this.burst = burst;
    this.bucketKey = `${key}:next`;
    this.pauseKey = `${key}:pause`;
    this.windowKey = `${key}:window`;
    this.perWindowCap = Math.max(1, Math.floor(rps));
    this.windowMs = Math.ceil(1000 / (1 - headroom));
  }

  /**
   * Resolves when this process may start one request: it reserves the fleet's next free
   * slot and waits for it; resolves to the slot's time on Redis's clock (ms since the epoch).
   * A pause set while it waited (another worker's 429) sends it back for a later slot.
   * Rejects with `PulseAbortError` when `signal` aborts.
   */
  async acquire(signal?: AbortLike): Promise<number> {
    const reply = (await this.redis.eval(TAKE, 2, this.bucketKey, this.pauseKey, this.scheduledPerSecond, this.burst)) as [
      number,
      number,
    ];
    const [wait, slot] = reply.map(Number) as [number, number];
    if (signal?.aborted) throw new PulseAbortError();
    if (wait > 0) await sleep(wait, signal);
    // The slot was reserved; admission checks the second as it is now (and any pause since).
    const ticket = `${slot}:${Math.random().toString(36).slice(2)}`;
    for (;;) {
      if (signal?.aborted) throw new PulseAbortError();
      const more = Number(await this.redis.eval(ADMIT, 2, this.windowKey, this.pauseKey, this.perWindowCap, ticket, this.windowMs));
      if (more <= 0) return slot;
      await sleep(more, signal);
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
