import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { PulseValidationError } from '../errors';
import { csvRows, textGuard } from './sourceRows';

/**
 * The first `count` records of a CSV/TSV file, every field kept (the header first): enough to
 * judge its columns. Reads no further than needed. Internal to the Node entries (the CLI).
 *
 * @example
 * const [header, ...rows] = await sampleRows('reviews.csv', ',', 200);
 */
export function sampleRows(path: string, delimiter: string, count: number): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const source = csvRows(delimiter);
    const file = createReadStream(path);
    const rows: string[][] = [];
    const stop = () => {
      file.destroy();
      source.stream.destroy();
      resolve(rows);
    };
    pipeline(file, textGuard(path), source.stream, (e) => {
      if (!e || rows.length >= count) return;
      const explained = source.explain(e);
      reject(PulseValidationError.is(explained) ? explained : new PulseValidationError('path', `cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? e.message})`));
    });
    source.stream.on('data', (chunk: unknown) => {
      if (rows.length >= count) return;
      rows.push(source.toRow(chunk).fields);
      if (rows.length >= count) stop();
    });
    source.stream.on('end', () => resolve(rows));
  });
}
