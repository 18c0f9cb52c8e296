import { FlowProducer, Queue, type ConnectionOptions, type Job, type JobsOptions } from 'bullmq';
import { PulseValidationError } from '../errors';
import { AnalysisToEnqueueSchema, PulseQueueOptionsSchema } from '../schemas/fleetOptions';
import { checkAnalysis, FAN_OUT_FIELDS, type AnalysisKind } from './analysisKinds';
import { checkOptions } from '../http/checkOptions';

/** The name of the parent job that gathers a fanned-out analysis. */
export const GATHER_JOB = 'pulse:gather';

/** What a queued analysis carries (small: the request and how to find its run record). */
export interface PulseJobData {
  kind: AnalysisKind;
  /** The request, as the client's method takes it; absent on a gathering parent. */
  request?: unknown;
  /** The run id: its Pulse jobs are recorded under it, so a retried BullMQ job resumes them. */
  runId: string;
  /** On a fanned-out part: its index and the number of inputs it covers. */
  part?: { index: number; inputs: number };
  /** On a gathering parent: the number of inputs of each part, in order. */
  sizes?: number[];
}

/** Options of {@link createPulseQueue}. */
export interface PulseQueueOptions {
  /** Redis connection (ioredis options or instance), as BullMQ takes it. */
  connection: ConnectionOptions;
  /** Queue name. @default 'pulse' */
  name?: string;
  /** BullMQ job options for every analysis. @default { attempts: 3, backoff: exponential 1 s, removeOnComplete: 1000 } */
  defaultJobOptions?: JobsOptions;
}

/**
 * A BullMQ queue of Pulse analyses, to be run by workers of {@link createPulseWorker}.
 *
 * @example
 * ```ts
 * const queue = createPulseQueue({ connection: { host: '127.0.0.1', port: 6379 } });
 * const job = await enqueueAnalysis(queue, { kind: 'sentiment', request: { inputs }, runId: 'survey-2026' });
 * ```
 */
export function createPulseQueue(options: PulseQueueOptions): Queue<PulseJobData> {
  const o = checkOptions(PulseQueueOptionsSchema, options ?? {}, '');
  const name = o.name ?? 'pulse';
  return new Queue<PulseJobData>(name, {
    // As given (not the checked copy): BullMQ and ioredis read them their own way.
    connection: options.connection,
    defaultJobOptions: options.defaultJobOptions ?? {
      attempts: 3,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: 1000,
    },
  });
}

/** What to enqueue: one analysis. */
export interface AnalysisToEnqueue {
  kind: AnalysisKind;
  /** The request, as the client's method for `kind` takes it (checked now, as the client would). */
  request: unknown;
  /**
   * Names the run: its BullMQ job id and the key of its run record. Enqueuing the same run id
   * twice enqueues it once. @default a random id
   */
  runId?: string;
  /**
   * Fan the inputs out as child jobs of this many inputs each (BullMQ flows), run by any
   * worker and gathered in input order by a parent job. Only for sentiment, embeddings and
   * extractions. @default no fan-out
   */
  partSize?: number;
}

/**
 * Enqueues one analysis; resolves to its BullMQ job (the gathering parent when fanned out).
 * The request is checked first: an invalid one is a `PulseValidationError` and nothing is
 * enqueued. Wait for the answer with `job.waitUntilFinished(queueEvents)`; its progress is
 * `{ done, total }` in input items.
 *
 * @example
 * ```ts
 * const job = await enqueueAnalysis(queue, { kind: 'sentiment', request: { inputs }, partSize: 500 });
 * const result = await job.waitUntilFinished(new QueueEvents(queue.name, { connection }));
 * ```
 */
export async function enqueueAnalysis(queue: Queue<PulseJobData>, analysis: AnalysisToEnqueue): Promise<Job<PulseJobData>> {
  if (typeof (queue as Partial<Queue> | null)?.add !== 'function') {
    throw new PulseValidationError('queue', 'must be a queue from createPulseQueue');
  }
  const a = checkOptions(AnalysisToEnqueueSchema, analysis ?? {}, '');
  const { kind, inputs } = checkAnalysis(a.kind, a.request);
  const runId = a.runId ?? globalThis.crypto.randomUUID();
  const partSize = a.partSize;
  if (partSize !== undefined && !FAN_OUT_FIELDS[kind]) {
    throw new PulseValidationError('partSize', `${kind} cannot be fanned out (only ${Object.keys(FAN_OUT_FIELDS).join(', ')})`);
  }
  const request = a.request as { inputs?: string[] };
  if (partSize === undefined || inputs === undefined || inputs <= partSize) {
    return queue.add(kind, { kind, request, runId }, { jobId: runId });
  }
  const children = [];
  const sizes: number[] = [];
  for (let start = 0, index = 0; start < inputs; start += partSize, index++) {
    const slice = request.inputs!.slice(start, start + partSize);
    const partId = `${runId}.part-${index}`;
    sizes.push(slice.length);
    children.push({
      name: kind,
      queueName: queue.name,
      data: { kind, request: { ...request, inputs: slice }, runId: partId, part: { index, inputs: slice.length } },
      opts: { ...queue.defaultJobOptions, jobId: partId },
    });
  }
  const flows = new FlowProducer({ connection: queue.opts.connection });
  try {
    await flows.add({
      name: GATHER_JOB,
      queueName: queue.name,
      data: { kind, runId, sizes },
      opts: { ...queue.defaultJobOptions, jobId: runId },
      children,
    });
  } finally {
    await flows.close();
  }
  // The job as the queue's connection sees it (the flow producer's is closed now).
  const parent = await queue.getJob(runId);
  if (!parent) throw new PulseValidationError('runId', `the flow of ${runId} was not stored`);
  return parent;
}
