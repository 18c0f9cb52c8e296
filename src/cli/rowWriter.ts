import { extname } from 'node:path';
import { toCSV, type Row } from '../analysis/csv';
import type { Destination } from './destination';

/** Writes result rows as they come: CSV (a header, then CRLF rows) or a JSON array. */
export interface RowWriter {
  write(rows: readonly Row[]): Promise<void>;
  end(): Promise<void>;
}

/**
 * A row writer for `--out`, by the file's extension (`.csv` or `.json`).
 *
 * @example
 * const writer = rowWriter(out, ['index', 'line', 'text']);
 * await writer.write(rows);
 * await writer.end();
 */
export function rowWriter(out: Destination, columns: readonly string[]): RowWriter {
  let count = 0;
  if (extname(out.path).toLowerCase() === '.csv') {
    const header = toCSV([], columns);
    return {
      write: async (rows) => {
        if (count === 0) await out.write(header);
        count += rows.length;
        if (rows.length) await out.write(toCSV(rows, columns).slice(header.length));
      },
      end: async () => {
        if (count === 0) await out.write(header);
      },
    };
  }
  return {
    write: async (rows) => {
      if (!rows.length) return;
      const items = rows.map((row) => `  ${JSON.stringify(pick(row, columns))}`).join(',\n');
      await out.write(`${count === 0 ? '[\n' : ',\n'}${items}`);
      count += rows.length;
    },
    end: async () => {
      await out.write(count === 0 ? '[]\n' : '\n]\n');
    },
  };
}

function pick(row: Row, columns: readonly string[]): Row {
  return Object.fromEntries(columns.map((c) => [c, row[c] ?? null]));
}
