import type { Row } from '../csv';
import type { SentimentItem, SentimentResponse } from '../../schemas/sentiment';
import { AnalysisResult } from './AnalysisResult';
import { brand } from '../../brand';

/** The four sentiment labels, in display order. */
export const SENTIMENTS = ['positive', 'negative', 'neutral', 'mixed'] as const;
/** A sentiment label. */
export type Sentiment = (typeof SENTIMENTS)[number];

/** Counts and shares of each label (`summary()`). */
export interface SentimentSummary {
  total: number;
  counts: Record<Sentiment, number>;
  /** counts / total, 0 when there are no texts. */
  shares: Record<Sentiment, number>;
  /** The most frequent label (first in display order on a tie); null without texts. */
  dominant: Sentiment | null;
  meanConfidence: number;
}

/**
 * The sentiment of every text, with the helpers people use.
 *
 * @example
 * const result = await firstValueFrom(sentimentAnalysis(reviews));
 * result.summary().shares.positive; // 0.62
 * result.toCSV();                   // index,text,sentiment,confidence
 */
export class SentimentResult extends AnalysisResult<SentimentResponse> {
  /** One item per text, in input order. */
  get results(): readonly SentimentItem[] {
    return this.raw.results;
  }

  /** Counts and shares of each label, the dominant one and the mean confidence. */
  summary(): SentimentSummary {
    const counts = { positive: 0, negative: 0, neutral: 0, mixed: 0 };
    let confidence = 0;
    for (const r of this.raw.results) {
      counts[r.sentiment]++;
      confidence += r.confidence;
    }
    const total = this.raw.results.length;
    const shares = Object.fromEntries(SENTIMENTS.map((s) => [s, total ? counts[s] / total : 0])) as Record<Sentiment, number>;
    const dominant = total ? SENTIMENTS.reduce((best, s) => (counts[s] > counts[best] ? s : best), SENTIMENTS[0]) : null;
    return { total, counts, shares, dominant, meanConfidence: total ? confidence / total : 0 };
  }

  toRows(): Row[] {
    return this.raw.results.map((r, index) => ({ index, text: this.texts[index] ?? '', sentiment: r.sentiment, confidence: r.confidence }));
  }

  protected override columns(): string[] {
    return ['index', 'text', 'sentiment', 'confidence'];
  }
}
brand(SentimentResult, 'SentimentResult');
