import { defer, from, map, mergeMap, type Observable } from 'rxjs';
import { AnalysisResults } from '../analysis/AnalysisResults';
import { AnalysisResult } from '../analysis/results/AnalysisResult';
import type { Row } from '../analysis/csv';
import { PulseValidationError } from '../errors';
import { loadExcel } from './loadExcel';

/**
 * Writes results to an `.xlsx` workbook: one sheet per result (its `toRows()`, the header
 * row bold and frozen), and a `sentimentByTheme` sheet when there are both a `sentiment`
 * and a `themeAllocation` result. Cells are written as values, never as formulas, so a text
 * starting with `=` stays text. Needs the optional peer dependency `exceljs`. Emits the path.
 *
 * @example
 * import { writeResultsXlsx } from 'pulse-rx/node';
 * await firstValueFrom(analyzer.run().pipe(switchMap((results) => writeResultsXlsx(results, 'results.xlsx'))));
 */
export function writeResultsXlsx(results: AnalysisResults | Readonly<Record<string, AnalysisResult<unknown>>>, path: string): Observable<string> {
  return defer(() => {
    if (typeof path !== 'string' || !path.toLowerCase().endsWith('.xlsx')) throw new PulseValidationError('path', 'must be the path of an .xlsx file');
    const sheets = sheetsOf(results);
    return from(loadExcel('Writing .xlsx files')).pipe(
      mergeMap((excel) => {
        const workbook = new excel.Workbook();
        const used = new Set<string>();
        for (const [name, rows] of sheets) {
          const sheet = workbook.addWorksheet(sheetName(name, used), { views: [{ state: 'frozen', ySplit: 1 }] });
          const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
          sheet.columns = columns.map((key) => ({ header: key, key, width: Math.min(60, Math.max(10, key.length + 2)) }));
          sheet.getRow(1).font = { bold: true };
          sheet.addRows(rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? null]))));
        }
        return from(workbook.xlsx.writeFile(path));
      }),
      map(() => path),
    );
  });
}

function sheetsOf(results: unknown): Array<[string, Row[]]> {
  if (results instanceof AnalysisResults) {
    const sheets = results.names.map((name): [string, Row[]] => [name, (results.get(name) as AnalysisResult<unknown>).toRows()]);
    if (results.sentiment && results.themeAllocation && results.sentiment.texts.length === results.themeAllocation.texts.length) {
      const crossTab = results.sentimentByTheme().map((r) => ({ theme: r.theme ?? '(no theme)', texts: r.total, ...r.counts }));
      sheets.push(['sentimentByTheme', crossTab]);
    }
    return sheets;
  }
  if (results === null || typeof results !== 'object') throw new PulseValidationError('results', 'must be AnalysisResults or results by name');
  return Object.entries(results).map(([name, r]): [string, Row[]] => {
    if (!(r instanceof AnalysisResult)) throw new PulseValidationError(`results.${name}`, 'must be a result (e.g. a SentimentResult)');
    return [name, r.toRows()];
  });
}

/** A valid, unique sheet name: at most 31 characters, none of `[]:*?/\`. */
function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 28) || 'sheet';
  let candidate = base;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${base}_${n}`;
  used.add(candidate.toLowerCase());
  return candidate;
}
