import type { Observable } from 'rxjs';
import type { CallOptions } from '../../client/CallOptions';
import type { SentimentResponse } from '../../schemas/sentiment';
import { Process, type OptionKeys, type ProcessContext, type ProcessOptions, type ProviderOptions } from '../Process';
import { SentimentResult } from '../results/SentimentResult';

/** Options of `SentimentProcess` (and of the `sentimentAnalysis` starter). */
export interface SentimentOptions extends ProcessOptions, ProviderOptions {
  version?: string;
}

/** Every key of `SentimentOptions` (the compiler holds the list to the type): others fail when built. */
export const SENTIMENT_OPTION_KEYS: OptionKeys<SentimentOptions> = { version: true, provider: true };

/**
 * Sentiment of every text (batched above the API's limits).
 *
 * @example
 * new Analyzer({ dataset: reviews, processes: [new SentimentProcess()] });
 */
export class SentimentProcess extends Process<SentimentResponse, SentimentResult> {
  readonly kind = 'sentiment' as const;

  constructor(readonly options: SentimentOptions = {}) {
    super('sentiment', options, SENTIMENT_OPTION_KEYS);
    if (options.version !== undefined && typeof options.version !== 'string') throw this.invalid('version', 'must be a string');
  }

  params(): Record<string, unknown> {
    return { version: this.options.version, provider: this.providerLabel(this.options.provider) };
  }

  protected override send(ctx: ProcessContext, options: CallOptions): Observable<unknown> {
    const { version, provider } = this.options;
    const request = { inputs: [...ctx.texts], version, provider, fast: this.fastIn(ctx) };
    return ctx.client.analyzeSentiment(request, options);
  }

  wrap(raw: SentimentResponse, ctx: Pick<ProcessContext, 'texts'>): SentimentResult {
    return new SentimentResult(ctx.texts, raw);
  }
}
