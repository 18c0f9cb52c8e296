/** A flat row of a result table. */
export type Row = Record<string, string | number | boolean | null>;

/**
 * RFC 4180 CSV of rows (header from the first row's keys, or `columns`). Cells that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR at the start of a
 * text cell) are prefixed with `'`: review texts are untrusted input.
 *
 * @example
 * toCSV([{ text: 'a, b', score: 1 }]); // 'text,score\r\n"a, b",1\r\n'
 */
export function toCSV(rows: readonly Row[], columns: readonly string[] = Object.keys(rows[0] ?? {})): string {
  const lines = [columns.map(cell).join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(row[c] ?? null)).join(','));
  return lines.join('\r\n') + '\r\n';
}

function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
