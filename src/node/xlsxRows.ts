import { defer, from, mergeMap, type Observable } from 'rxjs';
import type { Workbook, Worksheet } from 'exceljs';
import { PulseValidationError } from '../errors';
import { loadExcel } from './loadExcel';
import type { SourceRow } from './sourceRows';

/**
 * The rows of one worksheet of an `.xlsx` file as `SourceRow`s (every cell as its displayed
 * text; `line` is the sheet's 1-based row number). The workbook is read whole (exceljs).
 * Internal: `readTextRecords` makes records of them as of a CSV's rows.
 */
export function xlsxRows(path: string, sheet: string | number | undefined): Observable<SourceRow> {
  return defer(() => from(loadExcel())).pipe(
    mergeMap((excel) => from(readWorkbook(new excel.Workbook(), path))),
    mergeMap((workbook) => from(rowsOf(pickSheet(workbook, sheet, path)))),
  );
}

async function readWorkbook(workbook: Workbook, path: string): Promise<Workbook> {
  try {
    return await workbook.xlsx.readFile(path);
  } catch (e) {
    const code = (e as { code?: unknown })?.code;
    if (code === 'ENOENT') throw new PulseValidationError('path', `no such file: ${path}`);
    throw new PulseValidationError('path', `${path} is not a readable .xlsx workbook (${(e as Error)?.message?.split('\n')[0] ?? 'unknown error'})`);
  }
}

function pickSheet(workbook: Workbook, sheet: string | number | undefined, path: string): Worksheet {
  const sheets = workbook.worksheets;
  const found = typeof sheet === 'string' ? sheets.find((s) => s.name === sheet) : sheets[sheet ?? 0];
  if (!found) {
    const names = sheets.map((s) => s.name).join(', ');
    throw new PulseValidationError('sheet', `${typeof sheet === 'string' ? `"${sheet}"` : `sheet ${sheet ?? 0}`} is not a sheet of ${path} (sheets: ${names || 'none'})`);
  }
  return found;
}

function rowsOf(sheet: Worksheet): SourceRow[] {
  const rows: SourceRow[] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    rows.push({ line: r, fields: Array.from({ length: width }, (_, c) => row.getCell(c + 1).text ?? '') });
  }
  return rows;
}
