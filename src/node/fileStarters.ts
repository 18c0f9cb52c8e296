import type { Observable } from 'rxjs';
import * as core from '../analysis/starters';
import type { TextsInput } from '../analysis/inputs';
import { readTextsFile } from './readTextsFile';
import type { ReadTextsOptions } from './readTexts';

/** A starter's texts on Node: an array, an Observable of one, or the path of a file. */
export type TextsOrFile = TextsInput | string;

/** How a file's texts are read (`column` of a CSV, `field` of JSONL, ...). */
export type FileOptions = Omit<ReadTextsOptions, 'flow'>;

type Starter<O, R> = (texts: TextsInput, options: O) => Observable<R>;

/** A starter that also takes a file path: the file is read when the Observable is subscribed. */
function fromFile<O extends object | undefined, R>(starter: Starter<O, R>) {
  return (input: TextsOrFile, options?: O & FileOptions): Observable<R> => {
    const { format, column, header, field, ...rest } = (options ?? {}) as FileOptions & Record<string, unknown>;
    const starterOptions = (options === undefined ? undefined : rest) as O;
    return starter(typeof input === 'string' ? readTextsFile(input, { format, column, header, field }) : input, starterOptions);
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
export const sentimentAnalysis = fromFile(core.sentimentAnalysis);
/** `generateThemes` of `pulse-rx`, also taking a file path. */
export const generateThemes = fromFile(core.generateThemes);
/** `themeAllocation` of `pulse-rx`, also taking a file path. */
export const themeAllocation = fromFile(core.themeAllocation);
/** `clusterAnalysis` of `pulse-rx`, also taking a file path. */
export const clusterAnalysis = fromFile(core.clusterAnalysis);
/** `summarize` of `pulse-rx`, also taking a file path. */
export const summarize = fromFile(core.summarize);
/** `compareSimilarity` of `pulse-rx`, also taking a file path. */
export const compareSimilarity = fromFile(core.compareSimilarity);
/** `estimateUsage` of `pulse-rx`, also taking a file path. */
export const estimateUsage = fromFile(core.estimateUsage);
/** The `extractElements` starter of `pulse-rx`, also taking a file path. */
export const extractElements = fromFile((texts: TextsInput, options: core.ExtractElementsOptions) => core.extractElements(texts, options));
/** The `createEmbeddings` starter of `pulse-rx`, also taking a file path. */
export const createEmbeddings = fromFile((texts: TextsInput, options: core.StarterOptions | undefined) => core.createEmbeddings(texts, options));
