import { PulseValidationError } from '../errors';
import type { ReadTextRecordsOptions, TextRecord } from './readTextRecords';
import type { SourceRow } from './sourceRows';

/**
 * Turns the rows of a file into records, by format: a `.txt` line is the text; a `.jsonl`
 * line holds the text in `field` (or is a bare JSON string); a CSV/TSV record holds it in
 * `column`, found by name in the header row. Returns undefined for the header row; throws a
 * `PulseValidationError` naming the column or the line. Internal.
 */
export function recordMaker(path: string, format: string, options: ReadTextRecordsOptions): (row: SourceRow) => TextRecord | undefined {
  if (format === 'txt') return ({ fields, line }) => ({ text: fields[0]!, line });
  if (format === 'jsonl') return jsonlRecord(options.field ?? 'text', options.idColumn);
  const header = options.header !== false;
  let column: number | undefined;
  let idColumn: number | undefined;
  if (!header) {
    column = columnNumber('column', options.column ?? 0);
    idColumn = options.idColumn === undefined ? undefined : columnNumber('idColumn', options.idColumn);
  }
  return ({ fields, line }) => {
    if (column === undefined) {
      const names = fields.map((name) => name.trim());
      column = findColumn('column', options.column ?? 0, names, path);
      idColumn = options.idColumn === undefined ? undefined : findColumn('idColumn', options.idColumn, names, path);
      return undefined;
    }
    return idColumn === undefined ? { text: fields[column] ?? '', line } : { text: fields[column] ?? '', line, id: fields[idColumn] ?? '' };
  };
}

function columnNumber(option: string, value: string | number): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  throw new PulseValidationError(option, 'must be a 0-based column number when the file has no header', { value: String(value) });
}

function findColumn(option: string, wanted: string | number, names: string[], path: string): number {
  const index = typeof wanted === 'number' ? (Number.isInteger(wanted) && wanted >= 0 && wanted < names.length ? wanted : -1) : names.indexOf(wanted);
  if (index < 0) {
    const what = typeof wanted === 'number' ? `column ${wanted}` : `"${wanted}"`;
    throw new PulseValidationError(option, `${what} is not a column of ${path} (columns: ${names.join(', ')})`);
  }
  return index;
}

function jsonlRecord(field: string, idField: string | number | undefined): (row: SourceRow) => TextRecord {
  return ({ fields, line }) => {
    const source = fields[0]!;
    if (source.trim() === '') return { text: '', line };
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch {
      throw new PulseValidationError(`line ${line}`, 'is not valid JSON');
    }
    if (typeof value === 'string') return { text: value, line };
    const object = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    const text = object[field];
    if (typeof text !== 'string') throw new PulseValidationError(`line ${line}`, `has no string field "${field}"`);
    if (idField === undefined) return { text, line };
    const id = object[String(idField)];
    return { text, line, id: typeof id === 'string' || typeof id === 'number' ? String(id) : '' };
  };
}
