import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { Observable } from 'rxjs';
import type { FlowControl } from '../batch/FlowControl';
import { PulseValidationError } from '../http/errors';
import { CsvParser } from './CsvParser';

/** Options of `readTexts`. */
export interface ReadTextsOptions {
  /** `txt` (a text per line), `csv`, `tsv` or `jsonl`. @default from the file extension */
  format?: 'txt' | 'csv' | 'tsv' | 'jsonl';
  /** CSV/TSV column: its header name, or its 0-based number. @default 0 */
  column?: string | number;
  /** Whether the first CSV/TSV row is a header. @default true */
  header?: boolean;
  /** JSONL field holding the text (a line may also be a bare JSON string). @default 'text' */
  field?: string;
  /** Backpressure: pause reading while `flow.limit` texts are read but not answered. */
  flow?: FlowControl;
}

/**
 * Streams the texts of a file as an Observable: `.txt` lines, one column of a `.csv`/`.tsv`
 * (quoted fields with delimiters and newlines handled), or a field of `.jsonl` lines. Blank
 * texts are skipped. With `flow`, reading pauses while the work in flight is at its limit,
 * so memory stays bounded for files of any size. Unsubscribing closes the file.
 *
 * @example
 * import { FlowControl, analyzeSentiment } from 'pulse-rx';
 * import { readTexts } from 'pulse-rx/node';
 * const flow = new FlowControl(2000);
 * readTexts('reviews.csv', { column: 'comment', flow }).pipe(analyzeSentiment(client, { flow })).subscribe(console.log);
 */
export function readTexts(path: string, options: ReadTextsOptions = {}): Observable<string> {
  return new Observable<string>((subscriber) => {
    const format = options.format ?? formatOf(path);
    const stream = createReadStream(path);
    const decoder = new StringDecoder('utf8');
    const lines = format === 'txt' || format === 'jsonl' ? new LineSplitter() : undefined;
    const csv = format === 'csv' || format === 'tsv' ? new CsvParser(format === 'tsv' ? '\t' : ',') : undefined;
    let columnIndex: number | undefined = typeof options.column === 'number' ? options.column : options.header === false ? 0 : undefined;
    let headerDone = options.header === false;
    let lineNo = 0;
    let cancelWait: (() => void) | undefined;

    const emit = (text: string | undefined) => {
      if (text === undefined || text.trim() === '') return;
      options.flow?.take(1);
      subscriber.next(text);
    };
    const onRows = (rows: string[][]) => {
      for (const row of rows) {
        if (!headerDone) {
          headerDone = true;
          if (typeof options.column === 'number') continue;
          const name = options.column ?? row[0];
          columnIndex = row.findIndex((h) => h.trim() === name);
          if (columnIndex < 0) {
            fail(new PulseValidationError('column', `"${String(name)}" is not a column of ${path} (columns: ${row.join(', ')})`));
            return;
          }
          continue;
        }
        emit(row[columnIndex ?? 0]);
      }
    };
    const onLines = (items: string[]) => {
      for (const line of items) {
        lineNo++;
        if (format === 'txt') emit(line);
        else if (line.trim() !== '') emit(jsonText(line, options.field ?? 'text', lineNo, fail));
      }
    };
    const fail = (e: Error) => {
      stream.destroy();
      subscriber.error(e);
    };

    stream.on('data', (chunk: string | Buffer) => {
      const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
      if (csv) onRows(csv.push(text));
      else onLines(lines!.push(text));
      if (options.flow?.full) {
        stream.pause();
        cancelWait = options.flow.onRoom(() => stream.resume());
      }
    });
    stream.on('end', () => {
      const rest = decoder.end();
      if (csv) onRows([...csv.push(rest), ...csv.end()]);
      else onLines([...lines!.push(rest), ...lines!.end()]);
      subscriber.complete();
    });
    stream.on('error', (e: NodeJS.ErrnoException) =>
      subscriber.error(new PulseValidationError('path', e.code === 'ENOENT' ? `no such file: ${path}` : `cannot read ${path} (${e.code ?? e.message})`)),
    );
    return () => {
      cancelWait?.();
      stream.destroy();
    };
  });
}

function formatOf(path: string): NonNullable<ReadTextsOptions['format']> {
  const ext = extname(path).toLowerCase().slice(1);
  if (ext === 'csv' || ext === 'tsv' || ext === 'jsonl') return ext;
  if (ext === 'ndjson') return 'jsonl';
  return 'txt';
}

function jsonText(line: string, field: string, lineNo: number, fail: (e: Error) => void): string | undefined {
  try {
    const value = JSON.parse(line) as unknown;
    if (typeof value === 'string') return value;
    const text = (value as Record<string, unknown> | null)?.[field];
    if (typeof text === 'string') return text;
    fail(new PulseValidationError(`line ${lineNo}`, `has no string field "${field}"`));
  } catch {
    fail(new PulseValidationError(`line ${lineNo}`, 'is not valid JSON'));
  }
  return undefined;
}

/** Splits a stream of text into lines (\n or \r\n). */
class LineSplitter {
  private rest = '';
  push(chunk: string): string[] {
    const parts = (this.rest + chunk).split(/\r?\n/);
    this.rest = parts.pop() ?? '';
    return parts;
  }
  end(): string[] {
    const last = this.rest;
    this.rest = '';
    return last === '' ? [] : [last];
  }
}
