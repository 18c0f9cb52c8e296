import type { Observable } from 'rxjs';
import type { EmbeddingsResponse } from '../../schemas/embeddings';
import { Process, tracked, type ProcessContext, type ProcessEmission, type ProcessOptions, type ProviderOptions } from '../Process';
import { EmbeddingsResult } from '../results/EmbeddingsResult';

/** Options of `Embeddings`. */
export interface EmbeddingsOptions extends ProcessOptions, ProviderOptions {}

/**
 * One embedding vector per text (batched above the API's limits).
 *
 * @example
 * new Analyzer({ dataset: reviews, processes: [new Embeddings()] });
 */
export class Embeddings extends Process<EmbeddingsResponse, EmbeddingsResult> {
  readonly kind = 'embeddings' as const;

  constructor(readonly options: EmbeddingsOptions = {}) {
    super('embeddings', options);
  }

  params(): Record<string, unknown> {
    return { provider: this.providerLabel(this.options.provider) };
  }

  run(ctx: ProcessContext): Observable<ProcessEmission<EmbeddingsResponse>> {
    const request = { inputs: [...ctx.texts], provider: this.options.provider, fast: this.fastIn(ctx) };
    return tracked(ctx.client.createEmbeddings(request, { ...ctx.call, observe: 'events' }));
  }

  wrap(raw: EmbeddingsResponse, ctx: Pick<ProcessContext, 'texts'>): EmbeddingsResult {
    return new EmbeddingsResult(ctx.texts, raw);
  }
}
