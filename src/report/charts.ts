import { PulseValidationError } from '../errors';
import { ThemeAllocationResult } from '../analysis/results/ThemeAllocationResult';
import { SimilarityResult } from '../analysis/results/SimilarityResult';
import { barChart, escapeHtml } from './html';
import { pct, texts as count } from './themeSection';

const XML = '<?xml version="1.0" encoding="UTF-8"?>\n';

/**
 * The report's theme chart as a standalone SVG document: texts allocated to each theme
 * (best theme at or above the threshold), largest first, then the texts with none. No
 * script and no external resource; every label is escaped.
 *
 * @example
 * writeFileSync('themes.svg', themeBarsSvg(results.themeAllocation!));
 */
export function themeBarsSvg(allocation: ThemeAllocationResult, options: { title?: string; width?: number } = {}): string {
  if (!(allocation instanceof ThemeAllocationResult)) throw new PulseValidationError('allocation', 'must be a ThemeAllocationResult');
  const { groups, unassigned } = allocation.byTheme();
  const total = allocation.texts.length;
  const bar = (label: string, n: number, colour: string) => ({ label, value: n, caption: `${count(n)} (${pct(total ? n / total : 0)})`, colour });
  const bars = [...groups].sort((a, b) => b.members.length - a.members.length).map((g) => bar(g.theme, g.members.length, '#3b6fd0'));
  return XML + barChart([...bars, bar('(no theme)', unassigned.length, '#b8bfcc')], { title: options.title ?? 'Texts allocated to each theme', width: options.width });
}

/** Most texts a heatmap draws (a side of the matrix): past it the SVG would be unreadable and huge. */
export const MAX_HEATMAP_SIDE = 200;

/**
 * A similarity matrix as a standalone SVG heatmap (darker is more similar; each cell's
 * score and texts in its tooltip). Up to `MAX_HEATMAP_SIDE` texts a side.
 *
 * @example
 * writeFileSync('similarity.svg', similarityHeatmapSvg(await firstValueFrom(compareSimilarity(reviews, { client }))));
 */
export function similarityHeatmapSvg(similarity: SimilarityResult, options: { title?: string; cell?: number } = {}): string {
  if (!(similarity instanceof SimilarityResult)) throw new PulseValidationError('similarity', 'must be a SimilarityResult');
  const matrix = similarity.matrix;
  const rows = similarity.texts;
  const cols = similarity.others ?? similarity.texts;
  if (matrix.length > MAX_HEATMAP_SIDE || cols.length > MAX_HEATMAP_SIDE) {
    throw new PulseValidationError('similarity', `is too large for a heatmap (at most ${MAX_HEATMAP_SIDE} texts a side)`, { limit: MAX_HEATMAP_SIDE });
  }
  const cell = options.cell ?? 18;
  if (!Number.isInteger(cell) || cell < 4 || cell > 100) throw new PulseValidationError('options.cell', 'must be an integer from 4 to 100 (pixels)');
  const left = 160;
  const top = 24;
  const title = options.title ?? 'Similarity';
  const cells = matrix.flatMap((row, i) =>
    row.map((score, j) => {
      const shade = Math.round(255 - Math.max(0, Math.min(1, score)) * 200);
      const tip = `${escapeHtml(short(rows[i] ?? ''))} × ${escapeHtml(short(cols[j] ?? ''))}: ${score.toFixed(3)}`;
      return `<rect x="${left + j * cell}" y="${top + i * cell}" width="${cell}" height="${cell}" fill="rgb(${shade},${shade},255)"><title>${tip}</title></rect>`;
    }),
  );
  const labels = rows.map((t, i) => `<text x="${left - 6}" y="${top + i * cell + cell * 0.7}" text-anchor="end">${escapeHtml(short(t))}</text>`);
  const width = left + cols.length * cell + 8;
  const height = top + rows.length * cell + 8;
  return `${XML}<svg class="chart" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg" font-size="11"><text x="4" y="16">${escapeHtml(title)}</text>${labels.join('')}${cells.join('')}</svg>`;
}

function short(text: string): string {
  return text.length > 24 ? `${text.slice(0, 23)}…` : text;
}
