/**
 * Checks that an answer has the size its request determines: one sentiment, embedding or
 * extraction row per input, one score per pair of texts. A server that answers 199 results
 * for 200 inputs would otherwise shift every later text onto another text's result; here it
 * fails with `ResponseValidationError` naming the endpoint, the expected and the received
 * counts (in a split call, `PulseBatchError` then names the batch).
 */
import { ResponseValidationError } from '../../errors';
import type { SimilarityRequest, SimilarityResponse } from '../../schemas/similarity';

/**
 * Fails unless `received` equals `expected`.
 *
 * @example
 * checkCount('sentiment', 'results', 3, body.results.length, 'inputs', body);
 */
export function checkCount(endpoint: string, field: string, expected: number, received: number, per: string, body: unknown): void {
  if (received === expected) return;
  throw new ResponseValidationError(
    `unexpected ${endpoint} response: ${field} has ${received} items for ${expected} ${per}`,
    body,
    [{ path: field, message: `expected ${expected} (${per}), received ${received}` }],
  );
}

/** One array of `field` per input (sentiment `results`, `embeddings`, extraction `results`). */
export function checkPerInput(endpoint: string, field: string, body: unknown, inputs: number): void {
  const items = (body as Record<string, unknown>)[field];
  checkCount(endpoint, field, inputs, Array.isArray(items) ? items.length : 0, 'inputs', body);
}

/** Extractions: one row per input, one list of spans per dictionary term in each row. */
export function checkExtractions(body: { dictionary: unknown[]; results: unknown[][] }, inputs: number): void {
  checkPerInput('extractions', 'results', body, inputs);
  const terms = body.dictionary.length;
  body.results.forEach((row, i) => checkCount('extractions', `results[${i}]`, terms, row.length, 'dictionary terms', body));
}

/**
 * A similarity answer against its request: self-similarity of n texts has `n` = n, a
 * flattened upper triangle of n(n-1)/2 and an n×n matrix; cross-similarity of a×b has
 * `n` = a, a flattened array of a·b and a matrix of a rows of b.
 */
export function checkSimilarity(body: SimilarityResponse, req: SimilarityRequest): void {
  const self = req.set !== undefined;
  const rows = self ? req.set!.length : (req.setA?.length ?? 0);
  const columns = self ? rows : (req.setB?.length ?? 0);
  if (body.scenario !== (self ? 'self' : 'cross')) {
    throw new ResponseValidationError(
      `unexpected similarity response: scenario is "${body.scenario}" for a ${self ? 'self' : 'cross'}-similarity request`,
      body,
      [{ path: 'scenario', message: `expected ${self ? 'self' : 'cross'}` }],
    );
  }
  const per = self ? 'texts in set' : 'texts in setA';
  if (body.n !== undefined && body.n !== rows) {
    throw new ResponseValidationError(`unexpected similarity response: n is ${body.n} for ${rows} ${per}`, body, [
      { path: 'n', message: `expected ${rows} (${per}), received ${body.n}` },
    ]);
  }
  if (body.flattened !== undefined) {
    const cells = self ? (rows * (rows - 1)) / 2 : rows * columns;
    const what = self ? `pairs of the upper triangle of ${rows} texts` : `pairs of ${rows} × ${columns} texts`;
    checkCount('similarity', 'flattened', cells, body.flattened.length, what, body);
  }
  if (body.matrix !== undefined) {
    checkCount('similarity', 'matrix', rows, body.matrix.length, `rows (${per})`, body);
    const per2 = self ? 'texts in set' : 'texts in setB';
    body.matrix.forEach((row, i) => checkCount('similarity', `matrix[${i}]`, columns, row.length, `columns (${per2})`, body));
  }
}
