import { LIMITS } from '../../schemas/limits';
import { SimilarityRequestSchema, type SimilarityRequest, type SimilarityResponse, type UnitAgg } from '../../schemas/similarity';
import { crossSimilarityGrid, selfSimilarityBlocks, type SimilarityBlock } from '../splitting/planBatches';
import { mergeMeta } from '../splitting/mergeMeta';
import { wireBody, type BatchPlan, type EndpointDef } from '../EndpointDef';
import { checkSimilarity } from '../splitting/checkCounts';
import { checkPlannedOutput } from '../splitting/plannedOutput';
import { checkTexts, ensure } from '../validate';
import { crossMatrix, selfMatrix, triangleSize } from './similarityMatrix';

const L = LIMITS.similarity;

/**
 * `POST /similarity`: self-similarity of `set`, or cross-similarity of `setA` × `setB`.
 * Self-similarity comes back flattened; unless `flatten: true` was asked, the client
 * rebuilds the full matrix too.
 */
export const similarityEndpoint: EndpointDef<typeof SimilarityRequestSchema, 'similarity'> = {
  path: '/similarity',
  kind: 'similarity',
  request: SimilarityRequestSchema,
  fitsSync: (req) => (req.set ? req.set.length <= L.selfSync : (req.setA?.length ?? 0) * (req.setB?.length ?? 0) <= L.crossSync),
  validate(req, fast, settings) {
    const mode = fast ? 'synchronous (fast: true)' : 'asynchronous';
    const cross = req.setA !== undefined || req.setB !== undefined;
    ensure(!(req.set && cross), 'set', 'give either set, or setA and setB, not both');
    if (!cross) {
      ensure(req.set !== undefined, 'set', 'is required (or give setA and setB)');
      const n = req.set!.length;
      checkPlannedOutput('set', n, n, 'similarity matrix', settings.maxPlannedOutput);
      checkTexts('set', req.set!, { min: L.minSet, max: settings.unbounded ? Infinity : fast ? L.selfSync : L.selfAsync, maxLength: settings.maxTextLength, mode });
      return;
    }
    ensure(req.setA !== undefined, 'setA', 'is required with setB');
    ensure(req.setB !== undefined, 'setB', 'is required with setA');
    const max = settings.unbounded ? Infinity : fast ? L.crossSync : L.crossAsync;
    checkPlannedOutput('setA', req.setA!.length, req.setB!.length, 'similarity matrix', settings.maxPlannedOutput);
    checkTexts('setA', req.setA!, { min: 1, max, maxLength: settings.maxTextLength, mode });
    checkTexts('setB', req.setB!, { min: 1, max, maxLength: settings.maxTextLength, mode });
    const pairs = req.setA!.length * req.setB!.length;
    ensure(pairs <= max, 'setA', `× setB gives ${pairs} pairs; at most ${max} in ${mode} mode`, max);
  },
  toWire: (req, fast) =>
    wireBody(
      {
        set: req.set,
        set_a: req.setA,
        set_b: req.setB,
        version: req.version,
        provider: req.provider,
        flatten: req.flatten,
        split: req.split === undefined ? undefined : splitToWire(req.split),
      },
      fast,
    ),
  finalize: (data, req) => {
    checkSimilarity(data, req);
    return completeSimilarity(data, req);
  },
  batch: (req, fast) => planSimilarity(req, fast),
};

/**
 * Splits a similarity request over the mode's limits into blocks: self-similarity as
 * diagonal blocks (self calls) and off-diagonal blocks (cross calls), cross-similarity as a
 * grid of tiles; the blocks are stitched back into one matrix.
 */
function planSimilarity(req: SimilarityRequest, fast: boolean): BatchPlan<SimilarityRequest, SimilarityResponse> | undefined {
  const maxPairs = fast ? L.crossSync : L.crossAsync;
  if (req.set) {
    const n = req.set.length;
    if (n <= (fast ? L.selfSync : L.selfAsync)) return undefined;
    const size = Math.min(fast ? L.selfSync : L.selfAsync, Math.floor(Math.sqrt(maxPairs)));
    // A one-item diagonal block needs no call: an item is identical to itself.
    const blocks = selfSimilarityBlocks(n, size).filter((b) => !(b.diagonal && b.rows[1] - b.rows[0] < 2));
    const set = req.set;
    return {
      parts: blocks.map((b) =>
        b.diagonal
          ? { ...req, set: set.slice(...b.rows), flatten: false }
          : { ...req, set: undefined, setA: set.slice(...b.rows), setB: set.slice(...b.cols), flatten: false },
      ),
      items: blocks.map((b) => pairs(b)),
      merge: (results) => {
        const matrix = Array.from({ length: n }, (_, i) => {
          const row = new Array<number>(n).fill(Number.NaN);
          row[i] = 1;
          return row;
        });
        results.forEach((r, k) => place(matrix, blocks[k]!, r, true));
        return { scenario: 'self', mode: 'flattened', n, flattened: upperTriangle(matrix), ...(req.flatten ? {} : { matrix }), ...mergeMeta(results) };
      },
    };
  }
  const a = req.setA ?? [];
  const b = req.setB ?? [];
  if (a.length * b.length <= maxPairs) return undefined;
  const tiles = crossSimilarityGrid(a.length, b.length, maxPairs);
  return {
    parts: tiles.map((t) => ({ ...req, setA: a.slice(...t.rows), setB: b.slice(...t.cols), flatten: false })),
    items: tiles.map((t) => pairs(t)),
    merge: (results) => {
      const matrix = Array.from({ length: a.length }, () => new Array<number>(b.length).fill(Number.NaN));
      results.forEach((r, k) => place(matrix, tiles[k]!, r, false));
      const flattened = matrix.flat();
      return req.flatten
        ? { scenario: 'cross', mode: 'flattened', n: a.length, flattened, ...mergeMeta(results) }
        : { scenario: 'cross', mode: 'matrix', n: a.length, flattened, matrix, ...mergeMeta(results) };
    },
  };
}

/** Pairs of texts a block compares (progress is counted in pairs). */
function pairs({ rows, cols, diagonal }: SimilarityBlock): number {
  const r = rows[1] - rows[0];
  return diagonal ? (r * (r - 1)) / 2 : r * (cols[1] - cols[0]);
}

/** Copies one block's result into the full matrix (mirrored when the matrix is symmetric). */
function place(matrix: number[][], block: SimilarityBlock, r: SimilarityResponse, symmetric: boolean): void {
  const rows = r.matrix ?? [];
  for (let i = 0; i < rows.length; i++) {
    for (let j = 0; j < rows[i]!.length; j++) {
      const v = rows[i]![j]!;
      const gi = block.rows[0] + i;
      const gj = block.cols[0] + j;
      matrix[gi]![gj] = v;
      if (symmetric) matrix[gj]![gi] = v;
    }
  }
}

function unitToWire(u: UnitAgg): unknown {
  if (typeof u === 'string') return u;
  return { unit: u.unit, agg: u.agg, window_size: u.windowSize, stride_size: u.strideSize };
}

function splitToWire(split: NonNullable<SimilarityRequest['split']>): unknown {
  if (typeof split === 'object' && !('unit' in split)) {
    return {
      set_a: split.setA === undefined ? undefined : unitToWire(split.setA),
      set_b: split.setB === undefined ? undefined : unitToWire(split.setB),
    };
  }
  return unitToWire(split as UnitAgg);
}

/** Fills `n`, `flattened` and (unless flatten was asked) `matrix` consistently. */
export function completeSimilarity(data: SimilarityResponse, req: SimilarityRequest): SimilarityResponse {
  const out = { ...data };
  const wantMatrix = req.flatten !== true;
  if (out.scenario === 'self') {
    const flat = out.flattened ?? (out.matrix ? upperTriangle(out.matrix) : []);
    const n = out.n ?? req.set?.length ?? triangleSize(flat.length) ?? 0;
    out.n = n;
    out.flattened = flat;
    if (wantMatrix && !out.matrix && triangleSize(flat.length) === n) out.matrix = selfMatrix(flat, n);
  } else {
    const columns = req.setB?.length ?? out.matrix?.[0]?.length ?? 0;
    out.flattened ??= out.matrix ? out.matrix.flat() : [];
    out.n ??= req.setA?.length ?? (columns ? out.flattened.length / columns : 0);
    if (wantMatrix && !out.matrix && columns > 0) out.matrix = crossMatrix(out.flattened, columns);
  }
  return out;
}

function upperTriangle(m: number[][]): number[] {
  const out: number[] = [];
  m.forEach((row, i) => row.forEach((v, j) => j > i && out.push(v)));
  return out;
}
