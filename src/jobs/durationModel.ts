/**
 * Job durations learned from what polling saw. Pure maths, no RxJS, no clock: a job seen
 * `pending` at `minMs` after its submission and `completed` at `maxMs` ended in between.
 */

/** One finished job: its kind, input size, and the window its completion fell in (ms after submission). */
export interface DurationObservation {
  /** Job kind (`sentiment`, `themes`, ...). */
  kind: string;
  /** Input items (texts; for similarity the set sizes added). */
  size: number;
  /** Last time it was seen unfinished, in ms after submission (0 if never). */
  minMs: number;
  /** First time it was seen finished, in ms after submission. */
  maxMs: number;
}

/** Expected duration of a job and its spread (one standard deviation), in ms. */
export interface DurationEstimate {
  expectedMs: number;
  spreadMs: number;
  /** Observations behind it. */
  samples: number;
}

/** Relative spread assumed from a single observation; it shrinks with the square of the observations. */
const PRIOR_CV = 0.25;
/** Relative spread never assumed below (clock and network noise). */
const FLOOR_CV = 0.02;

/**
 * Fits `duration = base + perItem × size` to the observations of one kind (weighted by how
 * narrow each window is) and predicts a job of `size`; when the windows, moved to that size,
 * share a common part, its middle is the expected duration. `undefined` when nothing is known.
 *
 * @example
 * estimateDuration([{ kind: 'themes', size: 1000, minMs: 46000, maxMs: 47000 }], 1000);
 * // { expectedMs: 46500, spreadMs: ~11700, samples: 1 }
 */
export function estimateDuration(observations: readonly DurationObservation[], size: number): DurationEstimate | undefined {
  const pts = observations.map((o) => {
    const w = Math.max(0, o.maxMs - o.minMs);
    return { s: Math.max(0, o.size), m: (o.minMs + o.maxMs) / 2, v: (w * w) / 12, weight: 1 / ((w * w) / 12 + 1e4) };
  });
  const n = pts.length;
  if (n === 0) return undefined;
  const W = sum(pts.map((p) => p.weight));
  const meanS = sum(pts.map((p) => p.weight * p.s)) / W;
  const meanM = sum(pts.map((p) => p.weight * p.m)) / W;
  const varS = sum(pts.map((p) => p.weight * (p.s - meanS) ** 2)) / W;
  let base = meanM;
  let perItem = 0;
  const oneSize = varS <= (0.2 * meanS) ** 2;
  if (!oneSize) {
    perItem = Math.max(0, sum(pts.map((p) => p.weight * (p.s - meanS) * (p.m - meanM))) / W / varS);
    base = meanM - perItem * meanS;
    if (base < 0) {
      perItem = sum(pts.map((p) => p.weight * p.s * p.m)) / sum(pts.map((p) => p.weight * p.s * p.s));
      base = 0;
    }
  }
  const fit = (s: number) => base + perItem * s;
  let expectedMs = Math.max(0, fit(size));
  let extrapolation = 0;
  if (oneSize && meanS > 0 && Math.abs(size - meanS) > 0.25 * meanS) {
    // One size seen: split the unknown between a fixed part and a per-item part, and say so in the spread.
    const guess = meanM * Math.sqrt(Math.max(size, 1) / meanS);
    extrapolation = Math.abs(guess - meanM);
    expectedMs = guess;
  }
  // Scatter of the midpoints beyond what their windows explain: how much the jobs themselves vary.
  const scatter = n > 1 ? (sum(pts.map((p) => p.weight * (p.m - fit(p.s)) ** 2)) / W) * (n / (n - 1)) : 0;
  const residual = Math.max(0, scatter - sum(pts.map((p) => p.weight * p.v)) / W);
  // What the windows leave unknown of the fitted mean (narrow windows dominate, as in the fit).
  let windows = Math.max(0, 1 / W - 1e4 / n);
  const common = extrapolation === 0 ? commonWindow(observations, (s) => fit(size) - fit(Math.max(0, s))) : undefined;
  if (common) {
    // Jobs alike enough that one window holds them all (moved to this size): its middle is
    // a better guess than the midpoints, which lean towards the early side of wide windows.
    expectedMs = Math.max(0, (common.lo + common.hi) / 2);
    windows = (common.hi - common.lo) ** 2 / 12;
  }
  const prior = ((PRIOR_CV * expectedMs) / (n * n)) ** 2;
  const floor = (FLOOR_CV * expectedMs) ** 2;
  const spreadMs = Math.sqrt(residual + windows + prior + floor + extrapolation ** 2);
  return { expectedMs, spreadMs, samples: n };
}

/**
 * The window every observation allows, each moved by `shift(size)` to the size asked
 * (the last time any job was seen unfinished, the first time any was seen finished), or
 * `undefined` when they disagree (jobs vary more than the windows are wide).
 */
function commonWindow(observations: readonly DurationObservation[], shift: (size: number) => number): { lo: number; hi: number } | undefined {
  let lo = Number.NEGATIVE_INFINITY;
  let hi = Number.POSITIVE_INFINITY;
  for (const o of observations) {
    const d = shift(o.size);
    lo = Math.max(lo, o.minMs + d);
    hi = Math.min(hi, o.maxMs + d);
  }
  return lo <= hi ? { lo, hi } : undefined;
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
