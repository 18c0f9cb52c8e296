import { PulseValidationError } from '../../errors';

/**
 * Default bound of a call's planned output, in numbers (`maxPlannedOutput`). 1e8 doubles
 * take 800 MB of V8 heap, and a split similarity keeps the matrix and its flattened copy:
 * about 1.6 GB at the bound, within Node's default heap. It is 6.5 times the largest single
 * embeddings job (5,000 × 3,072 = 15.36e6 numbers) and holds the self-similarity of 10,000
 * texts or 100,000 texts × 1,000 themes.
 */
export const DEFAULT_MAX_PLANNED_OUTPUT = 100_000_000;

/** Dimensions of the hosted embedding model, used to plan an embeddings call's output. */
export const EMBEDDING_DIMENSIONS = 3072;

/**
 * Refuses, before any request, a call whose result would hold more than `bound` numbers:
 * a 1e6 × 1e6 cross-similarity would otherwise be split into 500 jobs and fill the memory
 * long before its first answer.
 *
 * @example
 * checkPlannedOutput('setA', 1e6, 1e6, 'similarity matrix', 1e8); // throws PulseValidationError
 */
export function checkPlannedOutput(field: string, rows: number, columns: number, what: string, bound: number | undefined): void {
  const cells = rows * columns;
  if (bound === undefined || cells <= bound) return;
  throw new PulseValidationError(
    field,
    `would give a ${rows} × ${columns} ${what} (${cells} numbers); at most ${bound} (client option maxPlannedOutput)`,
    { limit: bound, value: `${rows} × ${columns}` },
  );
}
