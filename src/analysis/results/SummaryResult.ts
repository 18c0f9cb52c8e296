import type { Row } from '../csv';
import type { SummariesResponse } from '../../schemas/summaries';
import { AnalysisResult } from './AnalysisResult';
import { brand } from '../../brand';

/**
 * A summary of the texts answering a question.
 *
 * @example
 * const { summary } = await firstValueFrom(summarize(reviews, { question: 'What do visitors dislike?' }));
 */
export class SummaryResult extends AnalysisResult<SummariesResponse> {
  get summary(): string {
    return this.raw.summary;
  }

  toRows(): Row[] {
    return [{ summary: this.raw.summary, texts: this.texts.length }];
  }
}
brand(SummaryResult, 'SummaryResult');
