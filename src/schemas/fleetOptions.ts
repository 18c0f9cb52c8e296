import * as z from 'zod/mini';
import { JobKindSchema } from './jobs';
import { optionRules as r } from './options';
import { optionsObject } from './optionsObject';

/**
 * zod schemas of the `pulse-rx/bullmq` option objects (queue, enqueued analysis, worker, run
 * store, fleet rate limit), checked as the client checks its own options. They are strict:
 * a misspelt key is an error, not an option silently ignored. The entry's own types (BullMQ's
 * connection options, jobs options) pass through as given: BullMQ checks them.
 */

/** Redis connection options or an ioredis instance, as BullMQ takes them. */
const ConnectionSchema = z.custom<object>((v) => v !== null && typeof v === 'object' && !Array.isArray(v), {
  error: 'must be Redis connection options or an ioredis instance',
});

/** A queue name or run id: BullMQ's job ids may not contain `:`; keep them printable and short. */
const BullNameSchema = z.custom<string>((v) => typeof v === 'string' && /^[A-Za-z0-9._@/-]{1,200}$/.test(v), {
  error: 'must be 1-200 characters of letters, digits, . _ @ / -',
});

/** `FleetRateLimitOptions`. */
export const FleetRateLimitOptionsSchema = optionsObject({
  requestsPerSecond: r.positiveNumber,
  burst: z.optional(r.positiveInt),
  headroom: z.optional(
    z.custom<number>((v) => typeof v === 'number' && v >= 0 && v < 1, { error: 'must be a number from 0 to less than 1' }),
  ),
  key: z.optional(r.nonEmptyString),
});

/** `RedisRunStoreOptions`. */
export const RedisRunStoreOptionsSchema = optionsObject({
  prefix: z.optional(r.string),
  ttlSeconds: z.optional(r.positiveInt),
});

/** `PulseQueueOptions`. */
export const PulseQueueOptionsSchema = optionsObject({
  connection: ConnectionSchema,
  name: z.optional(BullNameSchema),
  defaultJobOptions: z.optional(
    z.custom<object>((v) => v !== null && typeof v === 'object' && !Array.isArray(v), { error: 'must be BullMQ job options' }),
  ),
});

/** `AnalysisToEnqueue` (the request itself is checked as the client would check it). */
export const AnalysisToEnqueueSchema = optionsObject({
  kind: z.enum(JobKindSchema.options, { error: `must be one of ${JobKindSchema.options.join(', ')}` }),
  request: z.unknown(),
  runId: z.optional(BullNameSchema),
  partSize: z.optional(r.positiveInt),
});

/** The longest delay timers can hold (2^31 - 1 ms). */
const timerMs = r.int(1, 2_147_483_647);

/** `PulseWorkerOptions`. */
export const PulseWorkerOptionsSchema = optionsObject({
  connection: ConnectionSchema,
  queueName: z.optional(BullNameSchema),
  name: z.optional(r.string),
  client: z.optional(r.withMethods('a PulseClient', 'analyzeSentiment', 'close')),
  clientFactory: z.optional(r.fn),
  concurrency: z.optional(r.positiveInt),
  rateLimit: z.optional(FleetRateLimitOptionsSchema),
  runStore: z.optional(
    z.union([z.literal(false), r.withMethods('a RunStore', 'get', 'put', 'delete')], {
      error: 'must be a RunStore (get, put, delete) or false',
    }),
  ),
  resultSink: z.optional(r.withMethods('a ResultSink', 'put', 'get')),
  lockDuration: z.optional(timerMs),
  maxStalledCount: z.optional(r.positiveInt),
  stalledInterval: z.optional(timerMs),
}).check(
  z.refine((o) => (o.client === undefined) !== (o.clientFactory === undefined), {
    error: 'pass exactly one of client and clientFactory',
    path: ['client'],
  }),
  z.refine((o) => o.rateLimit === undefined || o.client === undefined, {
    error: 'needs clientFactory (the worker wires the shared limit into the client it builds)',
    path: ['rateLimit'],
  }),
);
