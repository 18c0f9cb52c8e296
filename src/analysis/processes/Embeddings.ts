import type { Observable } from 'rxjs';
import type { EmbeddingsResponse } from '../../schemas/embeddings';
import { Process, tracked, type ProcessContext, type ProcessEmission, type ProcessOptions } from '../Process';
import { EmbeddingsResult } from '../results/EmbeddingsResult';

/**
 * One embedding vector per text (batched above the API's limits).
 *
 * @example
 * new Analyzer({ dataset: reviews, processes: [new Embeddings()] });
 */
export class Embeddings extends Process<EmbeddingsResponse, EmbeddingsResult> {
  readonly kind = 'embeddings' as const;

  constructor(options: ProcessOptions = {}) {
    super('embeddings', options);
  }

  params(): Record<string, unknown> {
    return {};
  }

  run(ctx: ProcessContext): Observable<ProcessEmission<EmbeddingsResponse>> {
    const request = { inputs: [...ctx.texts], fast: ctx.fast };
    return tracked(ctx.client.createEmbeddings(request, { ...ctx.call, observe: 'events' }));
  }

  wrap(raw: EmbeddingsResponse, ctx: Pick<ProcessContext, 'texts'>): EmbeddingsResult {
    return new EmbeddingsResult(ctx.texts, raw);
  }
}
