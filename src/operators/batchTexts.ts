import type { FastMode } from '../schemas/common';
import {
  bufferCount,
  bufferTime,
  concat,
  defer,
  EMPTY,
  filter,
  map,
  mergeMap,
  Observable,
  OperatorFunction,
  SchedulerLike,
  asyncScheduler,
  takeWhile,
  tap,
  throwError,
} from 'rxjs';
import { concurrentMap } from '../concurrency/concurrentMap';
import type { FlowControl } from '../concurrency/FlowControl';
import type * as z from 'zod/mini';
import { checkOptions, describe } from '../http/checkOptions';
import { PulseValidationError } from '../errors';
import { BatchTextsConfigSchema } from '../schemas/options';
import { LIMITS } from '../schemas/limits';
import { checkText, isValidText } from '../client/validate';

/** Progress of a text stream through an operator. */
export interface TextProgress {
  /** Texts whose result has been emitted. */
  done: number;
  /** Texts expected, when the caller said (`total`). */
  total?: number;
  /** Batches sent and not yet answered. */
  inFlight: number;
  /** Batches that failed. */
  failed: number;
  /** Batches answered (the parts of a split call's `progress` event). */
  partsDone: number;
  /** Batches expected, when `total` is given and batches are full (no `maxWaitMs`). */
  partsTotal?: number;
}

/** Options shared by the text-stream operators. */
export interface BatchTextsConfig {
  /** Texts per request. @default 200 (the synchronous limit) */
  batchSize?: number;
  /** Requests in flight. @default 4 */
  concurrency?: number;
  /** Send a partial batch after this long without filling it, in ms. @default none: wait for a full batch or the end */
  maxWaitMs?: number;
  /** Texts expected, reported in progress. */
  total?: number;
  /** Called whenever progress changes. */
  onProgress?: (progress: TextProgress) => void;
  /** Scheduler of `maxWaitMs`. @default asyncScheduler */
  scheduler?: SchedulerLike;
  /** Longest text accepted. @default 100000 */
  maxTextLength?: number;
  /** Shared with a reader (`readTexts`): each emitted result makes room for more reading. */
  flow?: FlowControl;
  /** Mode of each batch's request. @default 'auto' (synchronous when the batch fits) */
  fast?: FastMode;
}

/** One text with its position in the stream. */
export interface IndexedText {
  index: number;
  text: string;
}

/**
 * The engine of the text-stream operators: checks each text as it arrives, buffers by size
 * or time, calls `analyze` per batch with bounded concurrency, and emits one result per
 * text in input order as soon as the ordered prefix is ready. A bad text stops the stream
 * with `PulseValidationError` naming its index, after the results of every text before it.
 */
export function batchTexts<R>(options: BatchTextsConfig, analyze: (batch: IndexedText[]) => Observable<R[]>): OperatorFunction<string, R> {
  const config = checkOptions(BatchTextsConfigSchema, options, '');
  const batchSize = config.batchSize ?? LIMITS.sentiment.sync;
  const concurrency = config.concurrency ?? 4;
  const maxTextLength = config.maxTextLength ?? LIMITS.maxTextLength;
  return (source) =>
    defer(() => {
      let invalid: PulseValidationError | undefined;
      const partsTotal = config.total !== undefined && config.maxWaitMs === undefined ? Math.ceil(config.total / batchSize) : undefined;
      const progress: TextProgress = { done: 0, total: config.total, inFlight: 0, failed: 0, partsDone: 0, partsTotal };
      const report = () => config.onProgress?.({ ...progress });
      const checked$ = source.pipe(
        map((text, index): IndexedText | undefined => {
          invalid = problem(text, index, maxTextLength);
          return invalid ? undefined : { index, text };
        }),
        takeWhile((x): x is IndexedText => x !== undefined),
      );
      const batches$ =
        config.maxWaitMs !== undefined
          ? checked$.pipe(bufferTime(config.maxWaitMs, null, batchSize, config.scheduler ?? asyncScheduler))
          : checked$.pipe(bufferCount(batchSize));
      const results$ = batches$.pipe(
        filter((batch) => batch.length > 0),
        concurrentMap(
          (batch) =>
            defer(() => {
              progress.inFlight++;
              report();
              return analyze(batch).pipe(
                tap({
                  next: () => {
                    progress.inFlight--;
                    progress.done += batch.length;
                    progress.partsDone++;
                  },
                  error: () => {
                    progress.inFlight--;
                    progress.failed++;
                    report();
                  },
                }),
              );
            }),
          { concurrency },
        ),
        tap(report),
        mergeMap((results) => results),
        tap(() => config.flow?.done(1)),
      );
      return concat(results$, defer(() => (invalid ? throwError(() => invalid) : EMPTY)));
    });
}

const BATCH_KEYS = Object.keys(BatchTextsConfigSchema.shape);

/**
 * The engine's own options out of an operator's config (`themes`, `dictionary`, `version`
 * are the operator's), for `batchTexts`, which refuses keys it does not know.
 *
 * @example
 * batchTexts(batchConfig(config), analyze);
 */
export function batchConfig(config: BatchTextsConfig): BatchTextsConfig {
  return Object.fromEntries(BATCH_KEYS.filter((k) => k in config).map((k) => [k, (config as Record<string, unknown>)[k]]));
}

/**
 * Checks an operator's client and config (own properties, each option by its rule) and
 * returns the config's own-property copy: a `PulseValidationError`, never a TypeError.
 */
export function checkOperator<C extends object>(
  client: unknown,
  config: C | undefined,
  schema: z.ZodMiniType = BatchTextsConfigSchema,
): C {
  const methods = ['analyzeSentiment', 'createEmbeddings', 'compareSimilarity', 'extractElements'];
  const isClient =
    client !== null && typeof client === 'object' && methods.every((m) => typeof (client as Record<string, unknown>)[m] === 'function');
  if (!isClient) {
    throw new PulseValidationError('client', 'must be a PulseClient (pass it first: analyzeSentiment(client, config))', {
      value: describe(client),
    });
  }
  return checkOptions(schema, config, '');
}

function problem(text: unknown, index: number, maxLength: number): PulseValidationError | undefined {
  if (isValidText(text, maxLength)) return undefined;
  try {
    checkText(`texts[${index}]`, text, maxLength);
    return undefined;
  } catch (e) {
    return e as PulseValidationError;
  }
}
