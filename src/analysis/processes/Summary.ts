import type { Observable } from 'rxjs';
import type { CallOptions } from '../../client/CallOptions';
import type { SummariesRequest, SummariesResponse } from '../../schemas/summaries';
import { Process, type OptionKeys, type ProcessContext, type ProcessOptions } from '../Process';
import { SummaryResult } from '../results/SummaryResult';

/** Options of `Summary` (and of the `summarize` starter). */
export interface SummaryOptions extends ProcessOptions {
  /** What the summary answers. @default 'What are the main points?' */
  question?: string;
  length?: SummariesRequest['length'];
  preset?: SummariesRequest['preset'];
}

/** Every key of `SummaryOptions` (the compiler holds the list to the type): others fail when built. */
export const SUMMARY_OPTION_KEYS: OptionKeys<SummaryOptions> = { question: true, length: true, preset: true };

/**
 * A summary of the texts answering a question (never split: a summary of summaries
 * would not be what was asked; up to 5,000 texts as one job).
 *
 * @example
 * new Summary({ question: 'What do visitors complain about?', length: 'short' });
 */
export class Summary extends Process<SummariesResponse, SummaryResult> {
  readonly kind = 'summary' as const;

  constructor(readonly options: SummaryOptions = {}) {
    super('summary', options, SUMMARY_OPTION_KEYS);
    const q = options.question;
    if (q !== undefined && (typeof q !== 'string' || q.trim() === '')) throw this.invalid('question', 'must be a non-empty string');
  }

  params(): Record<string, unknown> {
    return { question: this.question, length: this.options.length, preset: this.options.preset };
  }

  private get question(): string {
    return this.options.question ?? 'What are the main points?';
  }

  protected override send(ctx: ProcessContext, options: CallOptions): Observable<unknown> {
    const request = { inputs: [...ctx.texts], question: this.question, length: this.options.length, preset: this.options.preset, fast: this.fastIn(ctx) };
    return ctx.client.generateSummary(request, options);
  }

  wrap(raw: SummariesResponse, ctx: Pick<ProcessContext, 'texts'>): SummaryResult {
    return new SummaryResult(ctx.texts, raw);
  }
}
