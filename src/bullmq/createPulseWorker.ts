import { Worker, type ConnectionOptions, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { filter, lastValueFrom, map, tap, type Observable } from 'rxjs';
import type { CallOptions } from '../client/CallOptions';
import type { PulseClient } from '../client/PulseClient';
import { ResponseValidationError } from '../errors';
import type { JobEvent } from '../jobs/JobEvent';
import type { RunStore } from '../jobs/RunStore';
import { PulseWorkerOptionsSchema } from '../schemas/fleetOptions';
import { joinParts, runAnalysis } from './analysisKinds';
import { checkOptions } from '../http/checkOptions';
import { GATHER_JOB, type PulseJobData } from './createPulseQueue';
import { FleetRateLimit, type FleetRateLimitOptions } from './FleetRateLimit';
import { RedisRunStore } from './RedisRunStore';

/** The name of the worker's own Redis connection (fleet limit, run store) in `CLIENT LIST`, unless one is given. */
const WORKER_CONNECTION_NAME = 'pulse-rx:worker';

/** Where results too large for Redis go: the worker stores each and returns its reference. */
export interface ResultSink {
  /** Stores a result; resolves to the reference the BullMQ job returns (small, JSON). */
  put(runId: string, result: unknown): Promise<unknown>;
  /** Reads a stored result back (for gathering fanned-out parts). */
  get(reference: unknown): Promise<unknown>;
}

/** Options of {@link createPulseWorker}. */
export interface PulseWorkerOptions {
  /**
   * Redis connection (ioredis options or instance), as BullMQ takes it. Besides BullMQ's own
   * connections, the worker opens one more (named `pulse-rx:worker` unless the options name
   * it) only for `rateLimit` or the default run store, at the first job that uses it; closing
   * the worker closes it (never a given instance).
   */
  connection: ConnectionOptions;
  /** Queue name. @default 'pulse' */
  queueName?: string;
  /** This worker's name, kept on each job it runs (`job.processedBy`). @default none */
  name?: string;
  /** The client to run analyses with (the worker never closes it). */
  client?: PulseClient;
  /**
   * Builds the worker's client; it receives the fleet's shared rate limit (pass it as the
   * client's `sharedRateLimit` option; undefined without `rateLimit`). The worker closes the
   * client when it closes. Required with `rateLimit`.
   */
  clientFactory?: (fleet: { sharedRateLimit?: FleetRateLimit }) => PulseClient;
  /** Analyses run at once by this worker. @default 4 */
  concurrency?: number;
  /** The organisation's limit, shared by every worker through Redis. @default none */
  rateLimit?: FleetRateLimitOptions;
  /**
   * Where each analysis records its Pulse jobs (keyed by its run id), so a job handed to
   * another worker after a crash resumes them. @default a `RedisRunStore` on the worker's own
   * connection to `connection`'s Redis; `false` for none (and no connection of its own unless
   * `rateLimit` needs one)
   */
  runStore?: RunStore | false;
  /** Stores results instead of returning them through Redis. @default results are returned */
  resultSink?: ResultSink;
  /** How long a job's lock lives without renewal: a dead worker's job is retried after it. @default 30000 */
  lockDuration?: number;
  /** Times a job may stall (its worker died) before it fails. @default 10 */
  maxStalledCount?: number;
  /** How often this worker looks for stalled jobs (of dead workers), in ms. @default 30000 */
  stalledInterval?: number;
}

/**
 * A BullMQ worker that runs queued Pulse analyses with pulse-rx: the client's splitting,
 * polling and retries as in-process; progress reported as BullMQ job progress
 * (`{ done, total }` in input items); each analysis's Pulse jobs recorded under its run
 * id, so that when a worker dies, the worker that takes over its job resumes them
 * (nothing submitted twice). With `rateLimit`, every worker shares the organisation's
 * requests-per-second budget and a 429 pauses the whole fleet.
 *
 * @example
 * ```ts
 * const worker = createPulseWorker({
 *   connection,
 *   clientFactory: ({ sharedRateLimit }) => PulseClient.fromEnv({ sharedRateLimit }),
 *   rateLimit: { requestsPerSecond: 50 },
 *   concurrency: 4,
 * });
 * ```
 */
export function createPulseWorker(options: PulseWorkerOptions): Worker<PulseJobData> {
  const o = checkOptions(PulseWorkerOptionsSchema, options ?? {}, '');
  // The worker's own connection serves only the fleet's limit and the default run store:
  // made only when one of them is wanted, and opened by its first command.
  const redis = o.rateLimit !== undefined || o.runStore === undefined ? ownConnection(options.connection) : undefined;
  let client: PulseClient;
  try {
    client = o.client ?? o.clientFactory!({ sharedRateLimit: o.rateLimit && new FleetRateLimit(redis!, o.rateLimit) });
  } catch (e) {
    redis?.disconnect();
    throw e;
  }
  const store = o.runStore === false ? undefined : (o.runStore ?? new RedisRunStore(redis!));
  const sink = o.resultSink;

  const runOne = async (job: Job<PulseJobData>, signal?: AbortSignal): Promise<unknown> => {
    const { kind, request, runId } = job.data;
    const inputs = (request as { inputs?: unknown[] } | undefined)?.inputs;
    let reported = -1;
    // Progress in input items, at most about a hundred updates a job (each is a Redis write).
    const report = (done: number, total: number, force = false) => {
      if (!force && reported >= 0 && (done - reported) * 100 < total) return;
      reported = done;
      void job.updateProgress({ done, total }).catch(() => undefined);
    };
    const callOptions = {
      observe: 'events',
      ...(signal ? { signal } : {}),
      ...(store ? { run: { store, id: runId } } : {}),
    } as CallOptions & { observe: 'events' };
    let total = Array.isArray(inputs) ? inputs.length : 1;
    report(0, total, true);
    const result = await lastValueFrom(
      (runAnalysis(client, kind, request, callOptions) as Observable<JobEvent<unknown>>).pipe(
        tap((event) => {
          const e = event as { type: string; done?: number; total?: number };
          if (e.type === 'progress') {
            total = e.total ?? total;
            report(e.done ?? 0, total);
          }
        }),
        filter((event) => event.type === 'result'),
        map((event) => (event as { data: unknown }).data),
      ),
    );
    report(total, total, true);
    return sink ? sink.put(runId, result) : result;
  };

  const gather = async (job: Job<PulseJobData>): Promise<unknown> => {
    const values = await job.getChildrenValues<unknown>();
    const sizes = job.data.sizes ?? [];
    const parts = await Promise.all(
      Object.entries(values).map(async ([key, value]) => {
        const index = Number(/\.part-(\d+)$/.exec(key)?.[1]);
        return { index, result: sink ? await sink.get(value) : value };
      }),
    );
    parts.sort((a, b) => a.index - b.index);
    if (parts.length !== sizes.length || parts.some((p, i) => p.index !== i)) {
      throw new ResponseValidationError(`gathered ${parts.length} of ${sizes.length} parts of ${job.data.runId}`, null);
    }
    const joined = joinParts(job.data.kind, parts.map((p, i) => ({ inputs: sizes[i]!, result: p.result })));
    return sink ? sink.put(job.data.runId, joined) : joined;
  };

  const release = () => {
    if (!o.client) client.close();
    redis?.disconnect();
  };
  let worker: Worker<PulseJobData>;
  try {
    worker = new Worker<PulseJobData>(
      o.queueName ?? 'pulse',
      (job, _token, signal) => (job.name === GATHER_JOB ? gather(job) : runOne(job, signal)),
      {
        connection: options.connection,
        ...(o.name !== undefined ? { name: o.name } : {}),
        concurrency: o.concurrency ?? 4,
        lockDuration: o.lockDuration ?? 30_000,
        maxStalledCount: o.maxStalledCount ?? 10,
        stalledInterval: o.stalledInterval ?? 30_000,
      },
    );
  } catch (e) {
    release();
    throw e;
  }
  // 'closed' is emitted inside close(), before it resolves: what the worker opened is closed by then.
  worker.on('closed', release);
  // The worker's own connection reports through the worker, as BullMQ's do (never an unhandled 'error').
  redis?.on('error', (e: Error) => worker.emit('error', e));
  return worker;
}

/**
 * A connection of the worker's own, to the same Redis as BullMQ's, not connected until its
 * first command: a copy of a given ioredis instance, or one made from the options.
 */
function ownConnection(connection: ConnectionOptions): Redis {
  const given = connection as Partial<Redis> & { connectionName?: string };
  // Named, so that `CLIENT LIST` tells an operator which connection is pulse-rx's.
  const own = {
    connectionName: (given.options ?? given).connectionName ?? WORKER_CONNECTION_NAME,
    maxRetriesPerRequest: null,
    lazyConnect: true,
  };
  if (typeof given.duplicate === 'function') return given.duplicate(own);
  return new Redis({ ...(connection as object), ...own });
}
