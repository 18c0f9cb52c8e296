/** Batch planning: pure functions, no RxJS. Ranges are `[start, end)`. */

export type Range = readonly [start: number, end: number];

/** Consecutive ranges of at most `size` items covering `n` items. */
export function chunkRanges(n: number, size: number): Range[] {
  if (!(size >= 1)) throw new RangeError('chunk size must be at least 1');
  const out: Range[] = [];
  for (let start = 0; start < n; start += size) out.push([start, Math.min(n, start + size)]);
  return out;
}

/** One block of a self-similarity matrix: a diagonal block (`i === j`) or an off-diagonal one. */
export interface SimilarityBlock {
  rows: Range;
  cols: Range;
  diagonal: boolean;
}

/**
 * Blocks covering the upper triangle of an n×n self-similarity matrix with blocks of
 * `size`: diagonal blocks are self-similarity calls, the others cross-similarity calls.
 */
export function selfSimilarityBlocks(n: number, size: number): SimilarityBlock[] {
  const ranges = chunkRanges(n, size);
  const blocks: SimilarityBlock[] = [];
  ranges.forEach((rows, i) => ranges.slice(i).forEach((cols, k) => blocks.push({ rows, cols, diagonal: k === 0 })));
  return blocks;
}

/** Tiles of an a×b cross-similarity grid with at most `maxPairs` pairs each. */
export function crossSimilarityGrid(a: number, b: number, maxPairs: number): SimilarityBlock[] {
  const cols = Math.min(b, maxPairs);
  const rows = Math.max(1, Math.floor(maxPairs / cols));
  return chunkRanges(a, rows).flatMap((r) => chunkRanges(b, cols).map((c) => ({ rows: r, cols: c, diagonal: false })));
}

/** `k` indices spread evenly over `n` items (all of them when k >= n), in order. */
export function sampleEvenly(n: number, k: number): number[] {
  if (k >= n) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: k }, (_, i) => Math.floor((i * n) / k));
}
