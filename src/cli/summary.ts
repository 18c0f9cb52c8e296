import type { AnalysisResults } from '../analysis/AnalysisResults';
import { SENTIMENTS, type Sentiment } from '../analysis/results/SentimentResult';
import { plural } from './UsageError';

/** How many texts were analysed and how many blank rows skipped. */
export interface TextCounts {
  analysed: number;
  skipped: number;
}

/**
 * The summary printed on stdout when there is no `--out`: the counts (or what stands for
 * them: `workflow run` without FILE names the pipeline's own sources), the sentiment shares,
 * the texts per theme (with those that fit none) or the generated themes.
 *
 * @example
 * io.stdout.write(summary(results, { analysed: 280, skipped: 0 }));
 */
export function summary(results: AnalysisResults, counts: TextCounts | string): string {
  const lines = [typeof counts === 'string' ? counts : countsLine(counts)];
  const s = results.sentiment?.summary();
  if (s) lines.push(sentimentLine(s.counts));
  const allocation = results.themeAllocation;
  if (allocation) {
    const { groups, unassigned } = allocation.byTheme();
    lines.push('themes:');
    for (const { theme, members } of groups) lines.push(themeLine(theme, members.length));
    lines.push(themeLine('(no theme)', unassigned.length));
  } else if (results.themeGeneration && !results.themeExtraction) {
    lines.push('themes:');
    for (const t of results.themeGeneration.themes) lines.push(`  ${t.shortLabel}: ${t.description}`);
  }
  lines.push(...otherLines(results));
  return `${lines.join('\n')}\n`;
}

/** The lines of the other analyses: a summary's text, cluster sizes, matches per term, shapes. */
function otherLines(results: AnalysisResults): string[] {
  const lines: string[] = [];
  if (results.summary) lines.push('summary:', results.summary.summary);
  if (results.cluster) {
    lines.push('clusters:');
    for (const c of results.cluster.clusters) lines.push(themeLine(`cluster ${c.clusterId}`, c.indices.length));
  }
  const extraction = results.themeExtraction;
  if (extraction) {
    lines.push('matches:');
    const byText = extraction.byText();
    for (const term of extraction.dictionary) lines.push(themeLine(term, byText.filter((t) => (t[term] ?? []).length > 0).length));
  }
  if (results.similarity) {
    const n = results.similarity.matrix.length;
    lines.push(`similarity: a ${n} x ${n} matrix (--out F.csv or --json to get it)`);
  }
  if (results.embeddings) {
    const { vectors, dimensions } = results.embeddings;
    lines.push(`embeddings: ${plural(vectors.length, 'vector')} of ${dimensions} dimensions (--out F.csv or --json to get them)`);
  }
  if (results.dataDictionary) {
    lines.push(`data dictionary: ${results.dataDictionary.title}`);
    for (const v of results.dataDictionary.variables) lines.push(`  ${v.variableName}: ${v.variableLabel} (${v.type})`);
  }
  return lines;
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
