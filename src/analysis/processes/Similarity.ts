import type { Observable } from 'rxjs';
import type { SimilarityResponse, Split } from '../../schemas/similarity';
import { Process, tracked, type ProcessContext, type ProcessEmission, type ProcessOptions } from '../Process';
import { SimilarityResult } from '../results/SimilarityResult';

/** Options of `Similarity`. */
export interface SimilarityOptions extends ProcessOptions {
  split?: Split;
  version?: string;
}

/**
 * The texts' similarity matrix (self-similarity; by blocks above the API's limits).
 *
 * @example
 * new Analyzer({ dataset: reviews, processes: [new Similarity()] });
 */
export class Similarity extends Process<SimilarityResponse, SimilarityResult> {
  readonly kind = 'similarity' as const;

  constructor(readonly options: SimilarityOptions = {}) {
    super('similarity', options);
  }

  params(): Record<string, unknown> {
    return { split: this.options.split, version: this.options.version };
  }

  run(ctx: ProcessContext): Observable<ProcessEmission<SimilarityResponse>> {
    const request = { set: [...ctx.texts], flatten: false, split: this.options.split, version: this.options.version, fast: ctx.fast };
    return tracked(ctx.client.compareSimilarity(request, { ...ctx.call, observe: 'events' }));
  }

  wrap(raw: SimilarityResponse, ctx: Pick<ProcessContext, 'texts'>): SimilarityResult {
    return new SimilarityResult(ctx.texts, raw);
  }
}
