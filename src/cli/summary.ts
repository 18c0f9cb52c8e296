import type { AnalysisResults } from '../analysis/AnalysisResults';
import { SENTIMENTS, type Sentiment } from '../analysis/results/SentimentResult';
import { plural } from './UsageError';

/** How many texts were analysed and how many blank rows skipped. */
export interface TextCounts {
  analysed: number;
  skipped: number;
}

/**
 * The summary printed on stdout when there is no `--out`: the counts, the sentiment shares,
 * the texts per theme (with those that fit none) or the generated themes.
 *
 * @example
 * io.stdout.write(summary(results, { analysed: 280, skipped: 0 }));
 */
export function summary(results: AnalysisResults, counts: TextCounts): string {
  const lines = [countsLine(counts)];
  const s = results.sentiment?.summary();
  if (s) lines.push(sentimentLine(s.counts));
  const allocation = results.themeAllocation;
  if (allocation) {
    const { groups, unassigned } = allocation.byTheme();
    lines.push('themes:');
    for (const { theme, members } of groups) lines.push(themeLine(theme, members.length));
    lines.push(themeLine('(no theme)', unassigned.length));
  } else if (results.themeGeneration) {
    lines.push('themes:');
    for (const t of results.themeGeneration.themes) lines.push(`  ${t.shortLabel}: ${t.description}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `texts: 280 analysed, 2 blank rows skipped`. */
export function countsLine({ analysed, skipped }: TextCounts): string {
  return `texts: ${analysed} analysed, ${plural(skipped, 'blank row')} skipped`;
}

/** `sentiment (280 texts): positive 41%, ...`. */
export function sentimentLine(counts: Record<Sentiment, number>): string {
  const total = SENTIMENTS.reduce((n, s) => n + counts[s], 0);
  const shares = SENTIMENTS.map((s) => `${s} ${total ? Math.round((counts[s] / total) * 100) : 0}%`);
  return `sentiment (${plural(total, 'text')}): ${shares.join(', ')}`;
}

function themeLine(theme: string, n: number): string {
  return `  ${theme.padEnd(28)} ${String(n).padStart(5)} ${n === 1 ? 'text' : 'texts'}`;
}
