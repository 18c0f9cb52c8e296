import type { Observable } from 'rxjs';
import type { CallOptions } from '../../client/CallOptions';
import { SplitSchema, type SimilarityResponse, type Split } from '../../schemas/similarity';
import { checkDataset } from '../inputs';
import { Process, type OptionKeys, type ProcessContext, type ProcessOptions, type ProviderOptions } from '../Process';
import { SimilarityResult } from '../results/SimilarityResult';

/** Options of `Similarity`. */
export interface SimilarityOptions extends ProcessOptions, ProviderOptions {
  /** First set of a cross-similarity. @default the step's texts */
  setA?: readonly string[];
  /** Second set: with it, the step compares `setA` (or its texts) with `setB` instead of with each other. */
  setB?: readonly string[];
  /** Keep the service's flattened answer (upper triangle for self-similarity) without rebuilding the matrix. @default false */
  flatten?: boolean;
  split?: Split;
  version?: string;
}

/** Every key of `SimilarityOptions` (the compiler holds the list to the type): others fail when built. */
export const SIMILARITY_OPTION_KEYS: OptionKeys<SimilarityOptions> = { setA: true, setB: true, flatten: true, split: true, version: true, provider: true };

/**
 * The texts' similarity matrix (self-similarity; by blocks above the API's limits), or
 * the similarity of two sets (`setA` × `setB`).
 *
 * @example
 * new Analyzer({ dataset: reviews, processes: [new Similarity()] });
 * new Similarity({ setB: ['Staff', 'Food'] }); // each review against each label
 */
export class Similarity extends Process<SimilarityResponse, SimilarityResult> {
  readonly kind = 'similarity' as const;

  constructor(readonly options: SimilarityOptions = {}) {
    super('similarity', options, SIMILARITY_OPTION_KEYS);
    const { setA, setB, flatten, split, version } = options;
    if (setA !== undefined) checkDataset(`${this.id}.setA`, setA);
    if (setB !== undefined) checkDataset(`${this.id}.setB`, setB);
    if (setA !== undefined && setB === undefined) throw this.invalid('setB', 'is required with setA');
    if (flatten !== undefined && typeof flatten !== 'boolean') throw this.invalid('flatten', 'must be a boolean');
    if (split !== undefined && !SplitSchema.safeParse(split).success) {
      throw this.invalid('split', "must be a unit ('sentence', 'newline', 'word') or { unit, agg?, windowSize?, strideSize? }");
    }
    if (version !== undefined && typeof version !== 'string') throw this.invalid('version', 'must be a string');
  }

  params(): Record<string, unknown> {
    const { setA, setB, flatten, split, version, provider } = this.options;
    return { setA, setB, flatten, split, version, provider: this.providerLabel(provider) };
  }

  protected override send(ctx: ProcessContext, options: CallOptions): Observable<unknown> {
    const { setA, setB, flatten = false, split, version, provider } = this.options;
    const sets = setB === undefined ? { set: [...ctx.texts] } : { setA: [...(setA ?? ctx.texts)], setB: [...setB] };
    const request = { ...sets, flatten, split, version, provider, fast: this.fastIn(ctx) };
    return ctx.client.compareSimilarity(request, options);
  }

  wrap(raw: SimilarityResponse, ctx: Pick<ProcessContext, 'texts'>): SimilarityResult {
    return new SimilarityResult(this.options.setA ?? ctx.texts, raw, this.options.setB);
  }
}
