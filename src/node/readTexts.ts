import { filter, map, type Observable } from 'rxjs';
import type { FlowControl } from '../concurrency/FlowControl';
import { readTextRecords } from './readTextRecords';

/** Options of `readTexts`. */
export interface ReadTextsOptions {
  /**
   * `txt` (a text per line), `csv`, `tsv`, `jsonl` or `xlsx` (a spreadsheet: needs the
   * optional peer dependency `exceljs`). @default from the file extension
   */
  format?: 'txt' | 'csv' | 'tsv' | 'jsonl' | 'xlsx';
  /** CSV/TSV/XLSX column: its header name, or its 0-based number. @default 0 */
  column?: string | number;
  /** XLSX worksheet: its name, or its 0-based number. @default 0 (the first) */
  sheet?: string | number;
  /** Whether the first CSV/TSV/XLSX row is a header. @default true */
  header?: boolean;
  /** JSONL field holding the text (a line may also be a bare JSON string). @default 'text' */
  field?: string;
  /** Backpressure: pause reading while `flow.limit` texts are read but not answered. */
  flow?: FlowControl;
}

/**
 * Streams the texts of a file as an Observable: `.txt` lines, one column of a `.csv`/`.tsv`
 * (quoted fields with delimiters and newlines handled), or a field of `.jsonl` lines. Blank
 * texts are skipped (`readTextRecords` keeps them, with line numbers). Problems are
 * `PulseValidationError`s in the stream (`path`, `format`, `column`, `line N`). With `flow`,
 * reading pauses while the work in flight is at its limit, so memory stays bounded for files
 * of any size. Unsubscribing closes the file.
 *
 * @example
 * import { FlowControl, analyzeSentiment } from 'pulse-rx';
 * import { readTexts } from 'pulse-rx/node';
 * const flow = new FlowControl(2000);
 * readTexts('reviews.csv', { column: 'comment', flow }).pipe(analyzeSentiment(client, { flow })).subscribe(console.log);
 */
export function readTexts(path: string, options: ReadTextsOptions = {}): Observable<string> {
  return readTextRecords(path, options).pipe(
    filter((record) => record.text.trim() !== ''),
    map((record) => record.text),
  );
}
