import { defer, filter, last, map, switchMap, tap, type Observable, type OperatorFunction } from 'rxjs';
import type { CallOptions } from '../client/CallOptions';
import { checkOptions } from '../http/checkOptions';
import { PulseValidationError } from '../errors';
import { StarterOptionsSchema, StarterProgressSchema } from '../schemas/options';
import type { JobProgressEvent } from '../jobs/JobEvent';
import { PulseClient } from '../client/PulseClient';
import type { BatchTextsConfig } from '../operators/batchTexts';
import { createEmbeddings as embeddingsOperator, type TextEmbedding } from '../operators/createEmbeddings';
import { extractElements as extractionsOperator, type ExtractElementsConfig, type TextExtraction } from '../operators/extractElements';
import type { FastMode } from '../schemas/common';
import type { DataDictionaryRequest } from '../schemas/dataDictionary';
import type { ExtractionsRequest } from '../schemas/extractions';
import type { Split } from '../schemas/similarity';
import type { UsageEstimateRequest, UsageEstimateResponse } from '../schemas/usage';
import type { AnalysisEvent } from './AnalysisEvent';
import { checkDataset, textsOf, withClient, type TextsInput } from './inputs';
import type { Process } from './Process';
import { Cluster, type ClusterOptions } from './processes/Cluster';
import { Embeddings } from './processes/Embeddings';
import { SentimentProcess, type SentimentOptions } from './processes/SentimentProcess';
import { Summary, type SummaryOptions } from './processes/Summary';
import { ThemeAllocation, type ThemeAllocationOptions } from './processes/ThemeAllocation';
import { ThemeGeneration, type ThemeGenerationOptions } from './processes/ThemeGeneration';
import type { AnalysisResult } from './results/AnalysisResult';
import type { ClusterResult } from './results/ClusterResult';
import { DataDictionaryResult } from './results/DataDictionaryResult';
import type { EmbeddingsResult } from './results/EmbeddingsResult';
import { ExtractionResult } from './results/ExtractionResult';
import type { SentimentResult } from './results/SentimentResult';
import { SimilarityResult } from './results/SimilarityResult';
import type { SummaryResult } from './results/SummaryResult';
import type { ThemeAllocationResult } from './results/ThemeAllocationResult';
import type { ThemeGenerationResult } from './results/ThemeGenerationResult';
import { runProcesses } from './runProcesses';

/** Options every starter takes. */
export interface StarterOptions extends Pick<CallOptions, 'signal' | 'timeoutMs' | 'concurrency'> {
  /** @default PulseClient.fromEnv(), created for the call and closed after it */
  client?: PulseClient;
  /** `'auto'`: synchronous when the input fits the synchronous limits, else a job. @default 'auto' */
  fast?: FastMode;
  /**
   * Called as each part of a call the client split finishes: `{ type: 'progress', done, total,
   * partsDone, partsTotal }`, counted in input items (as `observe: 'events'` reports it).
   */
  onProgress?: (progress: JobProgressEvent) => void;
}

type AnyProcess = Process<unknown, AnalysisResult<unknown>>;

/** Runs processes (built lazily, so bad options error the stream) and emits the last one's result. */
function runStarter<R>(texts: TextsInput, options: StarterOptions | undefined, build: () => AnyProcess[]): Observable<R> {
  return defer(() => {
    const { client, fast = 'auto', signal, timeoutMs, concurrency } = checkOptions(StarterOptionsSchema, options, 'options');
    const { onProgress } = checkOptions(StarterProgressSchema, options, 'options') as Pick<StarterOptions, 'onProgress'>;
    const processes = build();
    const target = processes[processes.length - 1]!.id;
    return withClient(client, (c) =>
      textsOf(texts).pipe(
        switchMap((t) => runProcesses(processes.map((process) => ({ process, texts: t })), { client: c, fast, call: { signal, timeoutMs, concurrency } })),
        tap((e) => {
          if (e.phase === 'progress' && e.process === target) onProgress?.({ type: 'progress', done: e.done, total: e.total, partsDone: e.partsDone, partsTotal: e.partsTotal });
        }),
        filter((e): e is Extract<AnalysisEvent, { phase: 'end' }> => e.phase === 'end' && e.process === target),
        map((e) => e.result as R),
        last(),
      ),
    );
  });
}

/** Like `runStarter` for one direct client call. */
function callStarter<T>(texts: TextsInput, options: StarterOptions | undefined, call: (client: PulseClient, texts: readonly string[], fast: FastMode) => Observable<T>): Observable<T> {
  return defer(() => {
    const o = checkOptions(StarterOptionsSchema, options, 'options');
    return withClient(o.client, (c) => textsOf(texts).pipe(switchMap((t) => call(c, t, o.fast ?? 'auto'))));
  });
}

const asProcess = (p: unknown) => p as AnyProcess;

/**
 * Sentiment of every text: one value (a `SentimentResult`), then complete.
 *
 * @example
 * const result = await firstValueFrom(sentimentAnalysis(['Great rides!', 'Cold food.'], { client }));
 * result.summary().counts.positive; // 1
 */
export function sentimentAnalysis(texts: TextsInput, options?: SentimentOptions & StarterOptions): Observable<SentimentResult> {
  return runStarter(texts, options, () => [asProcess(new SentimentProcess({ version: options?.version }))]);
}

/**
 * Themes of the texts.
 *
 * @example
 * const { themes } = await firstValueFrom(generateThemes(reviews, { minThemes: 2, maxThemes: 5, client }));
 */
export function generateThemes(texts: TextsInput, options?: Omit<ThemeGenerationOptions, 'name'> & StarterOptions): Observable<ThemeGenerationResult> {
  return runStarter(texts, options, () => [asProcess(new ThemeGeneration(themeOptions(options)))]);
}

/**
 * Allocates every text to themes; without `themes`, generates them first (with the
 * `themeGeneration` options).
 *
 * @example
 * const allocation = await firstValueFrom(themeAllocation(reviews, { themes: ['Staff', 'Food'], client }));
 * allocation.assignSingle();
 */
export function themeAllocation(
  texts: TextsInput,
  options?: Omit<ThemeAllocationOptions, 'name' | 'themesFrom'> & StarterOptions & { themeGeneration?: Omit<ThemeGenerationOptions, 'name'> },
): Observable<ThemeAllocationResult> {
  return runStarter(texts, options, () => {
    const allocation = new ThemeAllocation({ themes: options?.themes, threshold: options?.threshold });
    return allocation.dependsOn().length ? [asProcess(new ThemeGeneration(options?.themeGeneration)), asProcess(allocation)] : [asProcess(allocation)];
  });
}

/**
 * Clusters of the texts.
 *
 * @example
 * const clusters = await firstValueFrom(clusterAnalysis(reviews, { k: 4, client }));
 */
export function clusterAnalysis(texts: TextsInput, options?: Omit<ClusterOptions, 'name'> & StarterOptions): Observable<ClusterResult> {
  return runStarter(texts, options, () => [asProcess(new Cluster({ k: options?.k, algorithm: options?.algorithm }))]);
}

/**
 * A summary answering a question.
 *
 * @example
 * const { summary } = await firstValueFrom(summarize(reviews, { question: 'What should we fix first?', client }));
 */
export function summarize(texts: TextsInput, options?: Omit<SummaryOptions, 'name'> & StarterOptions): Observable<SummaryResult> {
  return runStarter(texts, options, () => [asProcess(new Summary({ question: options?.question, length: options?.length, preset: options?.preset }))]);
}

/** Options of the `extractElements` starter. */
export type ExtractElementsOptions = Pick<ExtractionsRequest, 'dictionary' | 'type' | 'category' | 'expandDictionary' | 'expandDictionaryLimit' | 'version'> &
  StarterOptions;

/**
 * Dictionary terms found in the texts: a starter on an array of texts, or, given a
 * client, the pipeable operator over a stream of texts.
 *
 * @example
 * const found = await firstValueFrom(extractElements(reviews, { dictionary: ['staff', 'food', 'price'], client }));
 * from(reviews).pipe(extractElements(client, { dictionary: ['staff', 'food', 'price'] }));
 */
export function extractElements(texts: TextsInput, options: ExtractElementsOptions): Observable<ExtractionResult>;
export function extractElements(client: PulseClient, config: ExtractElementsConfig): OperatorFunction<string, TextExtraction>;
export function extractElements(
  first: TextsInput | PulseClient,
  options: ExtractElementsOptions | ExtractElementsConfig,
): Observable<ExtractionResult> | OperatorFunction<string, TextExtraction> {
  if (first instanceof PulseClient) return extractionsOperator(first, options as ExtractElementsConfig);
  const { client: _c, fast: _f, signal, timeoutMs, concurrency, ...request } = (options ?? {}) as ExtractElementsOptions;
  return callStarter(first, options as ExtractElementsOptions, (c, t, fast) =>
    c.extractElements({ ...request, inputs: [...t], fast }, { signal, timeoutMs, concurrency }).pipe(map((raw) => new ExtractionResult(t, raw))),
  );
}

/**
 * Similarity of the texts with each other, or with `others` (cross-similarity).
 *
 * @example
 * const sim = await firstValueFrom(compareSimilarity(reviews, { client }));
 * sim.mostSimilar(0, 3);
 */
export function compareSimilarity(texts: TextsInput, options?: StarterOptions & { others?: readonly string[]; split?: Split; version?: string }): Observable<SimilarityResult> {
  return callStarter(texts, options, (c, t, fast) => {
    const { others, split, version, signal, timeoutMs, concurrency } = options ?? {};
    const sets = others === undefined ? { set: [...t] } : { setA: [...t], setB: [...checkDataset('others', others)] };
    return c
      .compareSimilarity({ ...sets, flatten: false, split, version, fast }, { signal, timeoutMs, concurrency })
      .pipe(map((raw) => new SimilarityResult(t, raw, others)));
  });
}

/**
 * One embedding per text: a starter on an array of texts, or, given a client, the
 * pipeable operator over a stream of texts.
 *
 * @example
 * const { vectors } = await firstValueFrom(createEmbeddings(reviews, { client }));
 * from(reviews).pipe(createEmbeddings(client, { batchSize: 100 }));
 */
export function createEmbeddings(texts: TextsInput, options?: StarterOptions): Observable<EmbeddingsResult>;
export function createEmbeddings(client: PulseClient, config?: BatchTextsConfig): OperatorFunction<string, TextEmbedding>;
export function createEmbeddings(
  first: TextsInput | PulseClient,
  options?: StarterOptions | BatchTextsConfig,
): Observable<EmbeddingsResult> | OperatorFunction<string, TextEmbedding> {
  if (first instanceof PulseClient) return embeddingsOperator(first, options as BatchTextsConfig);
  return runStarter(first, options as StarterOptions, () => [asProcess(new Embeddings())]);
}

/**
 * What analysing the texts with a feature would cost (no authentication needed).
 *
 * @example
 * const { usage } = await firstValueFrom(estimateUsage(reviews, { feature: 'sentiment', client }));
 */
export function estimateUsage(texts: TextsInput, options: { feature: UsageEstimateRequest['feature'] } & Omit<StarterOptions, 'fast' | 'concurrency'>): Observable<UsageEstimateResponse> {
  return defer(() => {
    // Checked before a client is made from the environment: the missing option is named.
    if (options?.feature === undefined) throw new PulseValidationError('feature', 'is required (e.g. { feature: "sentiment" })');
    return callStarter(texts, options, (c, t) =>
      c.estimateUsage({ feature: options.feature, inputs: [...t] }, { signal: options.signal, timeoutMs: options.timeoutMs }),
    );
  });
}

/**
 * A DDI data dictionary of a table (first row: the column headers), always as a job.
 *
 * @example
 * const dictionary = await firstValueFrom(generateDataDictionary([['age', 'comment'], ['34', 'Loved it']], { client }));
 */
export function generateDataDictionary(
  rows: readonly (readonly string[])[],
  options?: NonNullable<DataDictionaryRequest['options']> & Omit<StarterOptions, 'fast' | 'concurrency'>,
): Observable<DataDictionaryResult> {
  return defer(() => {
    const { client, signal, timeoutMs, ...dictionaryOptions } = options ?? {};
    return withClient(client, (c) =>
      c
        .generateDataDictionary(
          { data: rows as string[][], options: Object.keys(dictionaryOptions).length ? dictionaryOptions : undefined },
          { signal, timeoutMs },
        )
        .pipe(map((raw) => new DataDictionaryResult(rows[0] ?? [], raw))),
    );
  });
}

function themeOptions(options: (ThemeGenerationOptions & StarterOptions) | undefined): ThemeGenerationOptions {
  const { minThemes, maxThemes, context, version, prune } = options ?? {};
  return { minThemes, maxThemes, context, version, prune };
}
