import { PulseValidationError } from '../errors';
import { SENTIMENTS, SentimentResult, type Sentiment } from './results/SentimentResult';
import { ThemeAllocationResult } from './results/ThemeAllocationResult';

/** One row of the sentiment-by-theme cross-tab. */
export interface ThemeSentiment {
  /** The theme's label, or null for the texts given no theme. */
  theme: string | null;
  /** Texts of the theme. */
  total: number;
  counts: Record<Sentiment, number>;
  /** `counts` over `total` (0 when the theme has no text). */
  shares: Record<Sentiment, number>;
}

/**
 * Sentiment by theme: for each theme (in the allocation's order), how many of its texts
 * are positive, negative, neutral or mixed; then the texts given no theme. A text in
 * several themes (`singleLabel: false`) counts in each. Both results must be about the
 * same texts, in the same order.
 *
 * @example
 * sentimentByTheme(results.sentiment!, results.themeAllocation!).map((r) => [r.theme, r.shares.negative]);
 */
export function sentimentByTheme(sentiment: SentimentResult, allocation: ThemeAllocationResult, threshold?: number): ThemeSentiment[] {
  if (!(sentiment instanceof SentimentResult)) throw new PulseValidationError('sentiment', 'must be a SentimentResult');
  if (!(allocation instanceof ThemeAllocationResult)) throw new PulseValidationError('allocation', 'must be a ThemeAllocationResult');
  const n = sentiment.texts.length;
  if (allocation.texts.length !== n || allocation.texts.some((t, i) => t !== sentiment.texts[i])) {
    throw new PulseValidationError('allocation', 'is about other texts than the sentiment result (same texts, same order needed)');
  }
  const rows = [...allocation.themes.map((theme) => row(theme)), row(null)];
  allocation.assignments(threshold).forEach((a, i) => {
    const label = sentiment.results[i]?.sentiment;
    if (label === undefined) return;
    const targets = a.themes.length ? a.themes.map((t) => rows[t.themeIndex]!) : [rows[rows.length - 1]!];
    for (const r of targets) {
      r.counts[label]++;
      r.total++;
    }
  });
  for (const r of rows) for (const s of SENTIMENTS) r.shares[s] = r.total ? r.counts[s] / r.total : 0;
  return rows;
}

function row(theme: string | null): ThemeSentiment {
  const zero = () => Object.fromEntries(SENTIMENTS.map((s) => [s, 0])) as Record<Sentiment, number>;
  return { theme, total: 0, counts: zero(), shares: zero() };
}
