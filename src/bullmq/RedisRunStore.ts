import type { Redis } from 'ioredis';
import { PulseValidationError } from '../errors';
import type { RunRecord, RunStore } from '../jobs/RunStore';
import { RedisRunStoreOptionsSchema } from '../schemas/fleetOptions';
import { checkOptions } from '../http/checkOptions';

/** Options of {@link RedisRunStore}. */
export interface RedisRunStoreOptions {
  /** Key prefix. @default 'pulse:run:' */
  prefix?: string;
  /** Records expire this long after their last write, in seconds. @default 604800 (a week) */
  ttlSeconds?: number;
}

/**
 * The run records of large runs (which part became which Pulse job, which parts finished)
 * in Redis, so that when a worker dies and BullMQ hands its stalled job to another worker,
 * that worker resumes the same Pulse jobs: nothing is submitted (or billed) twice. One key
 * per record (`prefix + key`), JSON, written with one `SET` (atomic for readers).
 *
 * @example
 * ```ts
 * const store = new RedisRunStore(new IORedis(6379));
 * client.analyzeSentiment({ inputs }, { run: { store, id: 'survey-2026' } });
 * ```
 */
export class RedisRunStore implements RunStore {
  private readonly prefix: string;
  private readonly ttlSeconds: number;

  constructor(
    private readonly redis: Redis,
    options: RedisRunStoreOptions = {},
  ) {
    if (typeof (redis as Partial<Redis> | null)?.get !== 'function') {
      throw new PulseValidationError('redis', 'must be an ioredis client');
    }
    const o = checkOptions(RedisRunStoreOptionsSchema, options ?? {}, '');
    const prefix = o.prefix ?? 'pulse:run:';
    const ttl = o.ttlSeconds ?? 604_800;
    this.prefix = prefix;
    this.ttlSeconds = ttl;
  }

  async get(key: string): Promise<RunRecord | undefined> {
    const raw = await this.redis.get(this.prefix + checkKey(key));
    if (raw === null) return undefined;
    const value: unknown = JSON.parse(raw);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as RunRecord) : undefined;
  }

  async put(key: string, record: RunRecord): Promise<void> {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      throw new PulseValidationError('record', 'must be a plain JSON object');
    }
    await this.redis.set(this.prefix + checkKey(key), JSON.stringify(record), 'EX', this.ttlSeconds);
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.prefix + checkKey(key));
  }
}

function checkKey(key: string): string {
  if (typeof key !== 'string' || key === '') throw new PulseValidationError('key', 'must be a non-empty string');
  return key;
}
