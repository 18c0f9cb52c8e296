import type { Redis } from 'ioredis';
import { PulseAbortError, PulseValidationError } from '../errors';
import type { AbortLike } from '../http/Closer';
import type { SharedRateLimit } from '../http/SharedRateLimit';

/**
 * One token bucket per organisation, in Redis: refills `rps` tokens a second up to `burst`,
 * on Redis's clock (one clock for every machine). Returns {0, now} when a token was taken, else
 * {ms to wait, now}: the bucket's time to its next token, or what is left of a fleet-wide pause.
 */
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
if paused > now then return {paused - now, now} end
local rate = tonumber(ARGV[1]) / 1000
local burst = tonumber(ARGV[2])
local b = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(b[1]) or burst
local ts = tonumber(b[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - ts) * rate)
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) / rate) end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], 60000)
return {wait, now}
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
  /** Longest single wait between two tries, in ms. @default 1000 */
  maxWaitMs?: number;
}

/**
 * The organisation's rate limit shared by every worker of a fleet: a token bucket held in
 * Redis (one clock, Redis's) that every request takes a token from before it starts, and a
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
  private readonly maxWaitMs: number;

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
    const maxWaitMs = options.maxWaitMs ?? 1000;
    if (typeof maxWaitMs !== 'number' || !(maxWaitMs >= 1) || !Number.isFinite(maxWaitMs)) {
      throw new PulseValidationError('maxWaitMs', 'must be a number of ms of at least 1');
    }
    this.requestsPerSecond = rps;
    this.burst = burst;
    this.bucketKey = `${key}:bucket`;
    this.pauseKey = `${key}:pause`;
    this.maxWaitMs = maxWaitMs;
  }

  /**
   * Resolves when this process may start one request (it has taken the token), to the time
   * the token was granted on Redis's clock (ms since the epoch); waits through fleet-wide
   * pauses. Rejects with `PulseAbortError` when `signal` aborts.
   */
  async acquire(signal?: AbortLike): Promise<number> {
    for (;;) {
      if (signal?.aborted) throw new PulseAbortError();
      const reply = (await this.redis.eval(TAKE, 2, this.bucketKey, this.pauseKey, this.requestsPerSecond, this.burst)) as [
        number,
        number,
      ];
      const [wait, now] = reply.map(Number) as [number, number];
      if (wait <= 0) return now;
      await sleep(Math.min(wait, this.maxWaitMs), signal);
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
