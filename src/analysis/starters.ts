import { defer, map, switchMap, type Observable, type OperatorFunction } from 'rxjs';
import type * as z from 'zod/mini';
import { checkOptions } from '../http/checkOptions';
import { PulseValidationError } from '../errors';
import { PulseClient } from '../client/PulseClient';
import type { Job } from '../jobs/Job';
import { mapJob } from '../jobs/mapJob';
import type { BatchTextsConfig } from '../operators/batchTexts';
import { createEmbeddings as embeddingsOperator, type TextEmbedding } from '../operators/createEmbeddings';
import { extractElements as extractionsOperator, type ExtractElementsConfig, type TextExtraction } from '../operators/extractElements';
import type { DataDictionaryRequest, DataDictionaryResponse } from '../schemas/dataDictionary';
import type { ExtractionsRequest } from '../schemas/extractions';
import type { UsageEstimateRequest, UsageEstimateResponse } from '../schemas/usage';
import { starterOptionsSchema } from '../schemas/options';
import { checkDataset, textsOf, withClient, type TextsInput } from './inputs';
import type { Process } from './Process';
import { Cluster, CLUSTER_OPTION_KEYS, type ClusterOptions } from './processes/Cluster';
import { Embeddings, EMBEDDINGS_OPTION_KEYS, type EmbeddingsOptions } from './processes/Embeddings';
import { SENTIMENT_OPTION_KEYS, SentimentProcess, type SentimentOptions } from './processes/SentimentProcess';
import { Similarity, type SimilarityOptions } from './processes/Similarity';
import { Summary, SUMMARY_OPTION_KEYS, type SummaryOptions } from './processes/Summary';
import { ThemeAllocation, type ThemeAllocationOptions } from './processes/ThemeAllocation';
import { ThemeExtraction } from './processes/ThemeExtraction';
import { THEME_GENERATION_OPTION_KEYS, ThemeGeneration, type ThemeGenerationOptions } from './processes/ThemeGeneration';
import type { AnalysisResult } from './results/AnalysisResult';
import type { ClusterResult } from './results/ClusterResult';
import { DataDictionaryResult } from './results/DataDictionaryResult';
import type { EmbeddingsResult } from './results/EmbeddingsResult';
import type { ExtractionResult } from './results/ExtractionResult';
import type { SentimentResult } from './results/SentimentResult';
import type { SimilarityResult } from './results/SimilarityResult';
import type { SummaryResult } from './results/SummaryResult';
import type { ThemeAllocationResult } from './results/ThemeAllocationResult';
import type { ThemeGenerationResult } from './results/ThemeGenerationResult';
import { runStarter, withDeadline, type StarterOptions, type StarterResult } from './runStarter';

export type { StarterOptions, StarterResult } from './runStarter';

type AnyProcess = Process<unknown, AnalysisResult<unknown>>;

// Each starter's options: the shared ones and its own analysis options, by name.
// (where a starter takes exactly its process's options, the process's key list is the one home).
const SentimentStarterSchema = starterOptionsSchema(...Object.keys(SENTIMENT_OPTION_KEYS));
const ThemesStarterSchema = starterOptionsSchema(...Object.keys(THEME_GENERATION_OPTION_KEYS));
const AllocationStarterSchema = starterOptionsSchema('themes', 'threshold', 'singleLabel', 'split', 'version', 'provider', 'themeGeneration');
const ClusterStarterSchema = starterOptionsSchema(...Object.keys(CLUSTER_OPTION_KEYS));
const SummaryStarterSchema = starterOptionsSchema(...Object.keys(SUMMARY_OPTION_KEYS));
const ExtractionStarterSchema = starterOptionsSchema('dictionary', 'type', 'category', 'expandDictionary', 'expandDictionaryLimit', 'version', 'provider');
const SimilarityStarterSchema = starterOptionsSchema('others', 'split', 'version', 'flatten', 'provider');
const EmbeddingsStarterSchema = starterOptionsSchema(...Object.keys(EMBEDDINGS_OPTION_KEYS));
const UsageStarterSchema = starterOptionsSchema('feature');
const DictionaryStarterSchema = starterOptionsSchema('title', 'description', 'context', 'language');

/** Like `runStarter` for one direct client call (usage estimates). */
function callStarter<T>(
  texts: TextsInput,
  options: StarterOptions | undefined,
  call: (client: PulseClient, texts: readonly string[]) => Observable<T>,
): Observable<T> {
  return defer(() => {
    const o = checkOptions(UsageStarterSchema, options, 'options');
    return withDeadline(withClient(o.client, (c) => textsOf(texts).pipe(switchMap((t) => call(c, t)))), o.timeoutMs);
  });
}

const asProcess = (p: unknown) => p as AnyProcess;
const starter = <R, O>(texts: TextsInput, options: StarterOptions | undefined, schema: z.ZodMiniType, build: () => AnyProcess[]) =>
  runStarter<R>(texts, options, build, schema) as StarterResult<R, O>;

/**
 * Sentiment of every text: one value (a `SentimentResult`), then complete.
 *
 * @example
 * const result = await firstValueFrom(sentimentAnalysis(['Great rides!', 'Cold food.'], { client }));
 * result.summary().counts.positive; // 1
 * const job = await firstValueFrom(sentimentAnalysis(reviews, { client, awaitJobResult: false })); // Job<SentimentResult>
 */
export function sentimentAnalysis<O extends Omit<SentimentOptions, 'name' | 'fast'> & StarterOptions>(
  texts: TextsInput,
  options?: O,
): StarterResult<SentimentResult, O> {
  return starter(texts, options, SentimentStarterSchema, () => [asProcess(new SentimentProcess({ version: options?.version, provider: options?.provider }))]);
}

/**
 * Themes of the texts.
 *
 * @example
 * const { themes } = await firstValueFrom(generateThemes(reviews, { minThemes: 2, maxThemes: 5, client }));
 * const { themeSets } = await firstValueFrom(generateThemes(reviews, { interactive: true, initialSets: 3, version: '2025-09-01', client }));
 */
export function generateThemes<O extends Omit<ThemeGenerationOptions, 'name' | 'fast'> & StarterOptions>(
  texts: TextsInput,
  options?: O,
): StarterResult<ThemeGenerationResult, O> {
  return starter(texts, options, ThemesStarterSchema, () => [asProcess(new ThemeGeneration(themeOptions(options)))]);
}

/**
 * Allocates every text to themes; without `themes`, generates them first (with the
 * `themeGeneration` options).
 *
 * @example
 * const allocation = await firstValueFrom(themeAllocation(reviews, { themes: ['Staff', 'Food'], client }));
 * allocation.assignSingle();
 */
export function themeAllocation<
  O extends Omit<ThemeAllocationOptions, 'name' | 'themesFrom' | 'fast'> & StarterOptions & { themeGeneration?: Omit<ThemeGenerationOptions, 'name'> },
>(texts: TextsInput, options?: O): StarterResult<ThemeAllocationResult, O> {
  return starter(texts, options, AllocationStarterSchema, () => {
    const { themes, threshold, singleLabel, split, version, provider } = options ?? {};
    const allocation = new ThemeAllocation({ themes, threshold, singleLabel, split, version, provider });
    const generation = allocation.dependsOn().length ? [asProcess(new ThemeGeneration(options?.themeGeneration))] : [];
    return [...generation, asProcess(allocation)];
  });
}

/**
 * Clusters of the texts.
 *
 * @example
 * const clusters = await firstValueFrom(clusterAnalysis(reviews, { k: 4, client }));
 */
export function clusterAnalysis<O extends Omit<ClusterOptions, 'name' | 'fast'> & StarterOptions>(
  texts: TextsInput,
  options?: O,
): StarterResult<ClusterResult, O> {
  return starter(texts, options, ClusterStarterSchema, () => [asProcess(new Cluster({ k: options?.k, algorithm: options?.algorithm }))]);
}

/**
 * A summary answering a question.
 *
 * @example
 * const { summary } = await firstValueFrom(summarize(reviews, { question: 'What should we fix first?', client }));
 */
export function summarize<O extends Omit<SummaryOptions, 'name' | 'fast'> & StarterOptions>(
  texts: TextsInput,
  options?: O,
): StarterResult<SummaryResult, O> {
  return starter(texts, options, SummaryStarterSchema, () => [asProcess(new Summary({ question: options?.question, length: options?.length, preset: options?.preset }))]);
}

/** Options of the `extractElements` starter. */
export type ExtractElementsOptions = Pick<
  ExtractionsRequest,
  'dictionary' | 'type' | 'category' | 'expandDictionary' | 'expandDictionaryLimit' | 'version' | 'provider'
> &
  StarterOptions;

/**
 * Dictionary terms found in the texts: a starter on an array of texts, or, given a
 * client, the pipeable operator over a stream of texts.
 *
 * @example
 * const found = await firstValueFrom(extractElements(reviews, { dictionary: ['staff', 'food', 'price'], client }));
 * from(reviews).pipe(extractElements(client, { dictionary: ['staff', 'food', 'price'] }));
 */
export function extractElements<O extends ExtractElementsOptions>(texts: TextsInput, options: O): StarterResult<ExtractionResult, O>;
export function extractElements(client: PulseClient, config: ExtractElementsConfig): OperatorFunction<string, TextExtraction>;
export function extractElements(
  first: TextsInput | PulseClient,
  options: ExtractElementsOptions | ExtractElementsConfig,
): Observable<ExtractionResult | Job<ExtractionResult>> | OperatorFunction<string, TextExtraction> {
  if (first instanceof PulseClient) return extractionsOperator(first, options as ExtractElementsConfig);
  return runStarter(first, options as ExtractElementsOptions, () => {
    const { dictionary, type, category, expandDictionary, expandDictionaryLimit, version, provider } = (options ?? {}) as ExtractElementsOptions;
    // Checked here so the error names the starter's own option, as the client would.
    if (!Array.isArray(dictionary)) throw new PulseValidationError('dictionary', 'is required: an array of 3 to 200 terms');
    return [asProcess(new ThemeExtraction({ dictionary, type, category, expandDictionary, expandDictionaryLimit, version, provider }))];
  }, ExtractionStarterSchema);
}

/** Options of the `compareSimilarity` starter. */
export interface CompareSimilarityOptions extends StarterOptions, Pick<SimilarityOptions, 'split' | 'version' | 'flatten' | 'provider'> {
  /** A second set: each text is compared with each of these (cross-similarity). */
  others?: readonly string[];
}

/**
 * Similarity of the texts with each other, or with `others` (cross-similarity).
 *
 * @example
 * const sim = await firstValueFrom(compareSimilarity(reviews, { client }));
 * sim.mostSimilar(0, 3);
 * (await firstValueFrom(compareSimilarity(reviews, { flatten: true, client }))).flattened; // upper triangle
 */
export function compareSimilarity<O extends CompareSimilarityOptions>(
  texts: TextsInput,
  options?: O,
): StarterResult<SimilarityResult, O> {
  return defer(() => {
    const { others, split, version, flatten, provider } = options ?? {};
    if (others !== undefined) checkDataset('others', others);
    // Cross-similarity keeps the texts as set A: they are only known once `texts` has emitted.
    const run$ = others === undefined ? undefined : textsOf(texts);
    const build = (setA?: readonly string[]) => () => [asProcess(new Similarity({ setA, setB: others, split, version, flatten, provider }))];
    if (!run$) return runStarter<SimilarityResult>(texts, options, build(), SimilarityStarterSchema);
    return run$.pipe(switchMap((t) => runStarter<SimilarityResult>(t, options, build(t), SimilarityStarterSchema)));
  }) as StarterResult<SimilarityResult, O>;
}

/**
 * One embedding per text: a starter on an array of texts, or, given a client, the
 * pipeable operator over a stream of texts.
 *
 * @example
 * const { vectors } = await firstValueFrom(createEmbeddings(reviews, { client }));
 * from(reviews).pipe(createEmbeddings(client, { batchSize: 100 }));
 */
export function createEmbeddings<O extends StarterOptions & Pick<EmbeddingsOptions, 'provider'>>(
  texts: TextsInput,
  options?: O,
): StarterResult<EmbeddingsResult, O>;
export function createEmbeddings(client: PulseClient, config?: BatchTextsConfig): OperatorFunction<string, TextEmbedding>;
export function createEmbeddings(
  first: TextsInput | PulseClient,
  options?: (StarterOptions & Pick<EmbeddingsOptions, 'provider'>) | BatchTextsConfig,
): Observable<EmbeddingsResult | Job<EmbeddingsResult>> | OperatorFunction<string, TextEmbedding> {
  if (first instanceof PulseClient) return embeddingsOperator(first, options as BatchTextsConfig);
  const provider = (options as EmbeddingsOptions | undefined)?.provider;
  return runStarter(first, options as StarterOptions, () => [asProcess(new Embeddings({ provider }))], EmbeddingsStarterSchema);
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

/** Options of the `generateDataDictionary` starter. */
export type DataDictionaryStarterOptions = NonNullable<DataDictionaryRequest['options']> & Omit<StarterOptions, 'fast' | 'concurrency'>;

/**
 * A DDI data dictionary of a table (first row: the column headers), always as a job.
 *
 * @example
 * const dictionary = await firstValueFrom(generateDataDictionary([['age', 'comment'], ['34', 'Loved it']], { client }));
 * dictionary.variables.map((v) => v.variableName);
 */
export function generateDataDictionary<O extends DataDictionaryStarterOptions>(
  rows: readonly (readonly string[])[],
  options?: O,
): StarterResult<DataDictionaryResult, O> {
  return defer(() => {
    const checked = checkOptions(DictionaryStarterSchema, options ?? {}, 'options') as DataDictionaryStarterOptions;
    const { client, signal, timeoutMs, awaitJobResult = true, ...dictionaryOptions } = checked;
    if (!awaitJobResult && client === undefined) {
      throw new PulseValidationError('client', 'is required with awaitJobResult: false (the handle polls through it)');
    }
    const request = { data: rows as string[][], options: Object.keys(dictionaryOptions).length ? dictionaryOptions : undefined };
    const wrap = (raw: DataDictionaryResponse) => new DataDictionaryResult(rows[0] ?? [], raw);
    const call$ = withClient(client, (c): Observable<DataDictionaryResult | Job<DataDictionaryResult>> =>
      awaitJobResult
        ? c.generateDataDictionary(request, { signal, timeoutMs }).pipe(map(wrap))
        : c.generateDataDictionary(request, { signal, timeoutMs, awaitJobResult: false }).pipe(map((job) => mapJob(job, wrap))),
    );
    return withDeadline(call$, timeoutMs);
  }) as StarterResult<DataDictionaryResult, O>;
}

function themeOptions(options: (Omit<ThemeGenerationOptions, 'fast'> & StarterOptions) | undefined): ThemeGenerationOptions {
  const { minThemes, maxThemes, context, version, prune, interactive, initialSets, provider } = options ?? {};
  return { minThemes, maxThemes, context, version, prune, interactive, initialSets, provider };
}
