import { Transform, type Duplex, type TransformCallback } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { CsvError } from 'csv-parse';
import { requireOptional } from '../optionalPackage';
import { PulseValidationError } from '../errors';
import { LineSplitter } from './LineSplitter';

/**
 * The rows of a file before they become texts: the fields of a CSV/TSV record, or one line of
 * `.txt`/`.jsonl`, with the 1-based line of the file where the row starts. Internal.
 */
export interface SourceRow {
  fields: string[];
  line: number;
}

/**
 * Refuses input that is not UTF-8 text, judged on its first chunk: a NUL byte, or a byte
 * sequence that is not UTF-8 (a truncated character at the end of the chunk is fine).
 */
export function textGuard(path: string): Transform {
  let first = true;
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      if (first) {
        first = false;
        if (chunk.includes(0) || !isUtf8Start(chunk)) {
          done(new PulseValidationError('path', `${path} is not UTF-8 text (binary content in its first ${chunk.length} bytes)`));
          return;
        }
      }
      done(null, chunk);
    },
  });
}

function isUtf8Start(chunk: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(chunk, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** A parser of a file's bytes into rows: its stream, how a chunk it emits becomes a row, its errors explained. */
export interface RowSource {
  stream: Duplex;
  toRow(chunk: unknown): SourceRow;
  explain(e: unknown): unknown;
}

/** Lines of UTF-8 text (`\n`, `\r\n` or a lone `\r`), each as a one-field row. */
export function lineRows(): RowSource {
  const decoder = new StringDecoder('utf8');
  const lines = new LineSplitter();
  let line = 0;
  const rows = (stream: Transform, items: string[]) => {
    for (const text of items) {
      line++;
      stream.push({ fields: [line === 1 ? text.replace(/^\uFEFF/, '') : text], line } satisfies SourceRow);
    }
  };
  const stream = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      rows(this, lines.push(decoder.write(chunk)));
      done();
    },
    flush(done: TransformCallback) {
      rows(this, [...lines.push(decoder.end()), ...lines.end()]);
      done();
    },
  });
  return { stream, toRow: (row: SourceRow) => row, explain: (e) => e };
}

/**
 * CSV/TSV records by `csv-parse` (RFC 4180 quoting; `\n`, `\r\n` or `\r` line endings; a BOM
 * is dropped; stray quotes inside unquoted fields are kept). An unterminated quoted field is
 * an error naming the line where it opened.
 */
export function csvRows(delimiter: string): RowSource {
  // Every record ends at one line break (empty lines are records too), so a record starts one
  // line after the previous one ends; `info: true` would say the same at three times the cost.
  let next = 1;
  const csv = requireOptional<typeof import('csv-parse')>('csv-parse', 'the CSV reader (pulse-rx/node)');
  return {
    stream: csv.parse({ delimiter, record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, relax_quotes: true, bom: true }),
    toRow(record: string[]): SourceRow {
      const line = next;
      next++;
      for (const field of record) if (/[\r\n]/.test(field)) next += field.match(/\r\n|\r|\n/g)!.length;
      return { fields: record, line };
    },
    explain(e: unknown) {
      if (!(e instanceof csv.CsvError)) return e;
      if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
        return new PulseValidationError(`line ${next}`, 'a quoted field opens here and is never closed (unterminated quote)');
      }
      const line = (e as CsvError & { lines?: number }).lines;
      return new PulseValidationError(`line ${line ?? next}`, `is not valid CSV (${e.code})`);
    },
  };
}
