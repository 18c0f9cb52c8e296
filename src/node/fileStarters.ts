import type { Observable } from 'rxjs';
import * as core from '../analysis/starters';
import type { StarterResult } from '../analysis/runStarter';
import type { ClusterResult } from '../analysis/results/ClusterResult';
import type { EmbeddingsResult } from '../analysis/results/EmbeddingsResult';
import type { ExtractionResult } from '../analysis/results/ExtractionResult';
import type { SentimentResult } from '../analysis/results/SentimentResult';
import type { SimilarityResult } from '../analysis/results/SimilarityResult';
import type { SummaryResult } from '../analysis/results/SummaryResult';
import type { ThemeAllocationResult } from '../analysis/results/ThemeAllocationResult';
import type { ThemeGenerationResult } from '../analysis/results/ThemeGenerationResult';
import type { UsageEstimateResponse } from '../schemas/usage';
import type { TextsInput } from '../analysis/inputs';
import { readTextsFile } from './readTextsFile';
import type { ReadTextsOptions } from './readTexts';

/** A starter's texts on Node: an array, an Observable of one, or the path of a file. */
export type TextsOrFile = TextsInput | string;

/** How a file's texts are read (`column` of a CSV, `field` of JSONL, ...). */
export type FileOptions = Omit<ReadTextsOptions, 'flow'>;

type Starter<O> = (texts: TextsInput, options: O) => Observable<unknown>;
type OptionsOf<F> = F extends (texts: TextsInput, options?: infer O) => unknown ? NonNullable<O> : never;

/**
 * A starter that also takes a file path: the file is read when the Observable is
 * subscribed. It emits what the starter does (the result, or its `Job` with `awaitJobResult: false`).
 */
function fromFile<O extends object, R>(starter: Starter<O | undefined>) {
  return <P extends O>(input: TextsOrFile, options?: P & FileOptions): StarterResult<R, P> => {
    const { format, column, header, field, sheet, ...rest } = (options ?? {}) as FileOptions & Record<string, unknown>;
    const starterOptions = (options === undefined ? undefined : rest) as O | undefined;
    const texts = typeof input === 'string' ? readTextsFile(input, { format, column, header, field, sheet }) : input;
    return starter(texts, starterOptions) as StarterResult<R, P>;
  };
}

/**
 * The starters of `pulse-rx`, also taking the path of a `.txt`, `.csv`/`.tsv` or `.jsonl`
 * file (with `column`, `field`, `format`, `header` to say where the texts are).
 *
 * @example
 * import { sentimentAnalysis } from 'pulse-rx/node';
 * const result = await firstValueFrom(sentimentAnalysis('reviews.csv', { column: 'comment' }));
 */
export const sentimentAnalysis = fromFile<OptionsOf<typeof core.sentimentAnalysis>, SentimentResult>(core.sentimentAnalysis);
/** `generateThemes` of `pulse-rx`, also taking a file path. */
export const generateThemes = fromFile<OptionsOf<typeof core.generateThemes>, ThemeGenerationResult>(core.generateThemes);
/** `themeAllocation` of `pulse-rx`, also taking a file path. */
export const themeAllocation = fromFile<OptionsOf<typeof core.themeAllocation>, ThemeAllocationResult>(core.themeAllocation);
/** `clusterAnalysis` of `pulse-rx`, also taking a file path. */
export const clusterAnalysis = fromFile<OptionsOf<typeof core.clusterAnalysis>, ClusterResult>(core.clusterAnalysis);
/** `summarize` of `pulse-rx`, also taking a file path. */
export const summarize = fromFile<OptionsOf<typeof core.summarize>, SummaryResult>(core.summarize);
/** `compareSimilarity` of `pulse-rx`, also taking a file path. */
export const compareSimilarity = fromFile<OptionsOf<typeof core.compareSimilarity>, SimilarityResult>(core.compareSimilarity);
/** `estimateUsage` of `pulse-rx`, also taking a file path. */
export const estimateUsage = fromFile<Parameters<typeof core.estimateUsage>[1], UsageEstimateResponse>((texts, options) => core.estimateUsage(texts, options!));
/** The `extractElements` starter of `pulse-rx`, also taking a file path. */
export const extractElements = fromFile<core.ExtractElementsOptions, ExtractionResult>((texts, options) => core.extractElements(texts, options!));
/** The `createEmbeddings` starter of `pulse-rx`, also taking a file path. */
export const createEmbeddings = fromFile<core.StarterOptions, EmbeddingsResult>((texts, options) => core.createEmbeddings(texts, options));
