import type { Observable } from 'rxjs';
import type { CallOptions } from '../../client/CallOptions';
import type { EmbeddingsResponse } from '../../schemas/embeddings';
import { Process, type OptionKeys, type ProcessContext, type ProcessOptions, type ProviderOptions } from '../Process';
import { EmbeddingsResult } from '../results/EmbeddingsResult';

/** Options of `Embeddings`. */
export interface EmbeddingsOptions extends ProcessOptions, ProviderOptions {}

/** Every key of `EmbeddingsOptions` (the compiler holds the list to the type): others fail when built. */
export const EMBEDDINGS_OPTION_KEYS: OptionKeys<EmbeddingsOptions> = { provider: true };

/**
 * One embedding vector per text (batched above the API's limits).
 *
 * @example
 * new Analyzer({ dataset: reviews, processes: [new Embeddings()] });
 */
export class Embeddings extends Process<EmbeddingsResponse, EmbeddingsResult> {
  readonly kind = 'embeddings' as const;

  constructor(readonly options: EmbeddingsOptions = {}) {
    super('embeddings', options, EMBEDDINGS_OPTION_KEYS);
  }

  params(): Record<string, unknown> {
    return { provider: this.providerLabel(this.options.provider) };
  }

  protected override send(ctx: ProcessContext, options: CallOptions): Observable<unknown> {
    const request = { inputs: [...ctx.texts], provider: this.options.provider, fast: this.fastIn(ctx) };
    return ctx.client.createEmbeddings(request, options);
  }

  wrap(raw: EmbeddingsResponse, ctx: Pick<ProcessContext, 'texts'>): EmbeddingsResult {
    return new EmbeddingsResult(ctx.texts, raw);
  }
}
