import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { pipeline } from 'node:stream';
import { concatMap, EMPTY, Observable, of } from 'rxjs';
import { PulseValidationError } from '../errors';
import { checkOptions as checkOptionObject } from '../http/checkOptions';
import { checkedElsewhere, optionsObject } from '../schemas/optionsObject';
import type { ReadTextsOptions } from './readTexts';
import { recordMaker } from './recordMaker';
import { csvRows, lineRows, textGuard, type SourceRow } from './sourceRows';
import { xlsxRows } from './xlsxRows';

/** One record of a file: its text (blank ones included, so callers can count them) and where it came from. */
export interface TextRecord {
  /** The text; blank when the row or line is empty. */
  text: string;
  /** The 1-based line of the file where the record starts. */
  line: number;
  /** The value of `idColumn`, when asked for. */
  id?: string;
}

/** Options of `readTextRecords`: those of `readTexts`, and an id column. */
export interface ReadTextRecordsOptions extends ReadTextsOptions {
  /** CSV/TSV column (header name or 0-based number) or JSONL field whose value is each record's `id`. */
  idColumn?: string | number;
}

const FORMATS = ['txt', 'csv', 'tsv', 'jsonl', 'xlsx'] as const;

/** The known keys of `ReadTextRecordsOptions` (each value is checked below, or where it is used). */
const ReadTextRecordsOptionsSchema = optionsObject(checkedElsewhere('format', 'column', 'sheet', 'header', 'field', 'flow', 'idColumn'));

/**
 * Streams the records of a file with their line numbers: `.txt` lines (`\n`, `\r\n` or `\r`),
 * a column of a `.csv`/`.tsv` (parsed by `csv-parse`), a field of `.jsonl` lines, or a column
 * of a `.xlsx` worksheet (`sheet`; read by the optional peer `exceljs`, whole; `line` is the
 * row number). Every problem is a `PulseValidationError` in the stream, never a crash: `path` (missing, not a
 * string, not UTF-8 text), `format`, `column`, or `line N` (malformed input, e.g. an
 * unterminated quote). Memory stays bounded whatever the line lengths; with `flow`, reading
 * pauses while the work in flight is at its limit. Unsubscribing closes the file.
 *
 * @example
 * import { readTextRecords } from 'pulse-rx/node';
 * readTextRecords('reviews.csv', { column: 'comment', idColumn: 'id' })
 *   .subscribe(({ text, line, id }) => console.log(line, id, text));
 */
export function readTextRecords(path: string, options: ReadTextRecordsOptions = {}): Observable<TextRecord> {
  return new Observable<TextRecord>((subscriber) => {
    const invalid = checkOptions(path, options);
    if (invalid) {
      subscriber.error(invalid);
      return undefined;
    }
    const format = options.format ?? formatOf(path);
    if (format === 'xlsx') return xlsxRecords(path, options).subscribe(subscriber);
    const source = format === 'csv' || format === 'tsv' ? csvRows(format === 'tsv' ? '\t' : ',') : lineRows();
    const make = recordMaker(path, format, options);
    const file = createReadStream(path);
    let cancelWait: (() => void) | undefined;
    const fail = (e: unknown) => {
      if (subscriber.closed) return;
      file.destroy();
      source.stream.destroy();
      subscriber.error(e);
    };
    pipeline(file, textGuard(path), source.stream, (e) => e && fail(explain(e, path, source.explain)));
    source.stream.on('data', (chunk: unknown) => {
      let record: TextRecord | undefined;
      try {
        record = make(source.toRow(chunk) satisfies SourceRow);
      } catch (e) {
        fail(e);
        return;
      }
      if (record === undefined) return;
      if (record.text.trim() !== '') options.flow?.take(1);
      subscriber.next(record);
      if (options.flow?.full && !cancelWait) {
        source.stream.pause();
        cancelWait = options.flow.onRoom(() => {
          cancelWait = undefined;
          source.stream.resume();
        });
      }
    });
    source.stream.on('end', () => subscriber.complete());
    return () => {
      cancelWait?.();
      file.destroy();
      source.stream.destroy();
    };
  });
}

function checkOptions(path: unknown, options: ReadTextRecordsOptions): PulseValidationError | undefined {
  if (typeof path !== 'string' || path === '') {
    return new PulseValidationError('path', 'must be the path of a file (a non-empty string)', { value: typeof path });
  }
  try {
    checkOptionObject(ReadTextRecordsOptionsSchema, options, '');
  } catch (e) {
    return e as PulseValidationError;
  }
  if (options.format !== undefined && !FORMATS.includes(options.format)) {
    return new PulseValidationError('format', `must be ${FORMATS.join(', ')}`, { value: String(options.format) });
  }
  const { sheet } = options;
  if (sheet !== undefined && !(typeof sheet === 'string' ? sheet !== '' : Number.isInteger(sheet) && sheet >= 0)) {
    return new PulseValidationError('sheet', 'must be a sheet name or a 0-based sheet number', { value: typeof sheet });
  }
  return undefined;
}

/** The records of a worksheet: its rows made records as a CSV's are (header, `column`, `idColumn`). */
function xlsxRecords(path: string, options: ReadTextRecordsOptions): Observable<TextRecord> {
  const make = recordMaker(path, 'xlsx', options);
  return xlsxRows(path, options.sheet).pipe(
    concatMap((row) => {
      const record = make(row);
      if (record && record.text.trim() !== '') options.flow?.take(1);
      return record ? of(record) : EMPTY;
    }),
  );
}

function explain(e: Error, path: string, parserExplain: (e: unknown) => unknown): unknown {
  if (PulseValidationError.is(e)) return e;
  const { code, syscall } = e as NodeJS.ErrnoException;
  if (code === 'ENOENT') return new PulseValidationError('path', `no such file: ${path}`);
  if (syscall) return new PulseValidationError('path', `cannot read ${path} (${code ?? e.message})`);
  return parserExplain(e);
}

/** The format of a file by its extension (`.ndjson` is JSONL; anything unknown is text lines). */
export function formatOf(path: string): NonNullable<ReadTextsOptions['format']> {
  const ext = extname(path).toLowerCase().slice(1);
  if (ext === 'csv' || ext === 'tsv' || ext === 'jsonl' || ext === 'xlsx') return ext;
  if (ext === 'ndjson') return 'jsonl';
  return 'txt';
}
