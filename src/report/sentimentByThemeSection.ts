import type { AnalysisResults } from '../analysis/AnalysisResults';
import { SENTIMENTS } from '../analysis/results/SentimentResult';
import { sentimentByTheme } from '../analysis/sentimentByTheme';
import { escapeHtml } from './html';
import { pct } from './themeSection';

/**
 * The sentiment-by-theme section: per theme (then the texts with none), its texts and the
 * share of each sentiment; empty without both a sentiment and an allocation of the same texts.
 */
export function sentimentByThemeSection(results: AnalysisResults): string {
  const { sentiment, themeAllocation: allocation } = results;
  if (!sentiment || !allocation || allocation.texts.length !== sentiment.texts.length) return '';
  const rows = sentimentByTheme(sentiment, allocation).filter((r) => r.theme !== null || r.total > 0);
  const body = rows.map(
    (r) =>
      `<tr><td>${escapeHtml(r.theme ?? '(no theme)')}</td><td>${r.total}</td>${SENTIMENTS.map((s) => `<td class="${s}">${r.counts[s]} (${pct(r.shares[s])})</td>`).join('')}</tr>`,
  );
  const head = `<tr><th>Theme</th><th>Texts</th>${SENTIMENTS.map((s) => `<th>${s}</th>`).join('')}</tr>`;
  return `<section id="sentiment-by-theme"><h2>Sentiment by theme</h2><table><thead>${head}</thead><tbody>${body.join('')}</tbody></table></section>`;
}
