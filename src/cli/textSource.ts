import { lastValueFrom, map, take, toArray } from 'rxjs';
import type { ReadTextRecordsOptions } from '../node/readTextRecords';
import { formatOf } from '../node/readTextRecords';
import { sampleRows } from '../node/sampleRows';
import { xlsxRows } from '../node/xlsxRows';
import type { Args } from './parseArgs';
import { pickColumn } from './pickColumn';
import { UsageError } from './UsageError';

/** Rows sampled to judge a CSV's or a worksheet's columns. */
const SAMPLE = 200;

/**
 * Where the texts of FILE are: the reader's options, and a phrase saying so. A CSV/TSV/XLSX
 * with no `--column` gets the column of free text, judged by content (`pickColumn`), and the
 * user is told which; options that do not apply to the format are refused.
 *
 * @example
 * const { options, where } = await textSource(args);
 * readTextRecords(args.file, options);
 */
export async function textSource(args: Args): Promise<{ options: ReadTextRecordsOptions; where: string }> {
  const format = formatOf(args.file);
  const idColumn = args.idColumn === undefined ? {} : { idColumn: args.idColumn };
  if (args.sheet !== undefined && format !== 'xlsx') {
    throw new UsageError(`--sheet applies to .xlsx files, not ${args.fileLabel}`);
  }
  if (format === 'jsonl') {
    if (args.column !== undefined) throw new UsageError('--column applies to .csv/.tsv/.xlsx files; for JSONL use --field');
    return { options: { format, field: args.field ?? 'text', ...idColumn }, where: `field "${args.field ?? 'text'}"` };
  }
  if (args.field !== undefined) throw new UsageError('--field applies to .jsonl files; for CSV/TSV/XLSX use --column');
  if (format === 'txt') {
    if (args.column !== undefined || args.idColumn !== undefined) throw new UsageError(`--column and --id-column apply to .csv/.tsv/.xlsx/.jsonl files; ${args.fileLabel} is read a text per line`);
    return { options: { format }, where: 'one text per line' };
  }
  const sheet = format === 'xlsx' && args.sheet !== undefined ? { sheet: args.sheet } : {};
  const inSheet = args.sheet === undefined ? '' : ` of sheet ${named(args.sheet)}`;
  if (args.column !== undefined) {
    const where = `column ${named(args.column)}${inSheet}`;
    return { options: { format, column: args.column, ...sheet, ...idColumn }, where };
  }
  const [header, ...rows] = format === 'xlsx'
    ? await lastValueFrom(xlsxRows(args.file, args.sheet).pipe(take(SAMPLE + 1), map((r) => r.fields), toArray()))
    : await sampleRows(args.file, format === 'tsv' ? '\t' : ',', SAMPLE + 1);
  if (!header?.length) return { options: { format, ...sheet, ...idColumn }, where: `its first column${inSheet}` };
  const choice = pickColumn(header, rows, args.fileLabel);
  const others = header.length > 1 ? ` (picked by content among ${header.map((h) => h.trim()).join(', ')}; --column to choose)` : '';
  const where = `column "${choice.name}"${inSheet}${others}`;
  return { options: { format, column: choice.index, ...sheet, ...idColumn }, where };
}

/** A column or sheet as the user gave it: a number as is, a name quoted. */
const named = (value: string | number) => (typeof value === 'number' ? String(value) : `"${value}"`);
