import { PulseValidationError } from '../../errors';

/** Most texts a shape may stand for (a resumed reference is data from elsewhere: bound it). */
const MAX_SHAPE_TEXTS = 10_000_000;

/**
 * A request's shape: every top-level array of strings replaced by `{ $texts: length }`. A
 * split call's handle stores it instead of the texts; planning a placeholder request of the
 * same shape gives the same parts and the same stitching (which depend on sizes only).
 *
 * @example
 * shapeOf({ inputs: ['a', 'b'], fast: false });   // { inputs: { $texts: 2 }, fast: false }
 * fromShape({ inputs: { $texts: 2 } });            // { inputs: ['', ''] }
 */
export function shapeOf(request: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(request)) {
    out[k] = Array.isArray(v) && v.every((s) => typeof s === 'string') ? { $texts: v.length } : v;
  }
  return out;
}

/** The placeholder request of a shape (see {@link shapeOf}). */
export function fromShape(shape: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(shape)) {
    const n = (v as { $texts?: unknown } | null)?.$texts;
    if (n === undefined) {
      out[k] = v;
      continue;
    }
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_SHAPE_TEXTS) {
      throw new PulseValidationError(`ref.request.${k}.$texts`, `must be an integer from 0 to ${MAX_SHAPE_TEXTS}`);
    }
    out[k] = new Array<string>(n).fill('');
  }
  return out;
}
