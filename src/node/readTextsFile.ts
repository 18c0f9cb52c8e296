import { toArray, type Observable } from 'rxjs';
import { readTexts, type ReadTextsOptions } from './readTexts';

/**
 * All the texts of a file as one array (for the starters, Analyzer and Workflow, which
 * need the whole dataset): `.txt`, `.csv`/`.tsv` (a column) or `.jsonl`.
 *
 * @example
 * import { sentimentAnalysis } from 'pulse-rx';
 * import { readTextsFile } from 'pulse-rx/node';
 * const result = await firstValueFrom(sentimentAnalysis(readTextsFile('reviews.csv', { column: 'comment' })));
 */
export function readTextsFile(path: string, options: Omit<ReadTextsOptions, 'flow'> = {}): Observable<string[]> {
  return readTexts(path, options).pipe(toArray());
}
