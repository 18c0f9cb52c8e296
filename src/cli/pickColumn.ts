import { UsageError } from './UsageError';

/** The column `pickColumn` chose, and why. */
export interface ColumnChoice {
  index: number;
  name: string;
  /** Mean length of its values in the sample, in characters. */
  meanLength: number;
}

/** Share of letters among the non-space characters for a column to count as text. */
const MIN_LETTERS = 0.6;

/**
 * Picks the column of free text from a header and sample rows: among the columns whose
 * characters are mostly letters, the one with the longest mean value. Ids, dates, numbers
 * and codes are never picked; when no column looks like text, a `UsageError` lists them.
 *
 * @example
 * pickColumn(['id', 'date', 'comment'], [['1', '2026-06-01', 'Great rides']]); // { index: 2, name: 'comment', ... }
 */
export function pickColumn(header: readonly string[], rows: readonly (readonly string[])[], label: string): ColumnChoice {
  const names = header.map((h) => h.trim());
  if (names.length === 1) return { index: 0, name: names[0]!, meanLength: 0 };
  const scored = names.map((name, index) => {
    let length = 0;
    let letters = 0;
    let visible = 0;
    for (const row of rows) {
      const value = row[index] ?? '';
      length += value.length;
      visible += value.replace(/\s+/g, '').length;
      letters += (value.match(/\p{L}/gu) ?? []).length;
    }
    return { index, name, meanLength: rows.length ? length / rows.length : 0, letterShare: visible ? letters / visible : 0 };
  });
  const texts = scored.filter((c) => c.letterShare >= MIN_LETTERS).sort((a, b) => b.meanLength - a.meanLength);
  const best = texts[0];
  if (!best) {
    throw new UsageError(`no column of ${label} looks like free text; choose one with --column (columns: ${names.join(', ')})`);
  }
  return { index: best.index, name: best.name, meanLength: best.meanLength };
}
