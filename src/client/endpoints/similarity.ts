import { LIMITS } from '../../schemas/limits';
import { SimilarityRequestSchema, type SimilarityRequest, type SimilarityResponse, type UnitAgg } from '../../schemas/similarity';
import { wireBody, type EndpointDef } from '../EndpointDef';
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
      checkTexts('set', req.set!, { min: L.minSet, max: fast ? L.selfSync : L.selfAsync, maxLength: settings.maxTextLength, mode });
      return;
    }
    ensure(req.setA !== undefined, 'setA', 'is required with setB');
    ensure(req.setB !== undefined, 'setB', 'is required with setA');
    const max = fast ? L.crossSync : L.crossAsync;
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
  finalize: (data, req) => completeSimilarity(data, req),
};

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
