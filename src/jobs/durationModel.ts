import { censoredFit } from './censoredFit';

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
 * narrow each window is) to move every window to `size`, then fits where durations lie and
 * how much they vary to those windows (`censoredFit`). `undefined` when nothing is known.
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
  let jobsVary: number;
  let unsure: number;
  const located = extrapolation === 0 ? censoredFit(observations.map((o) => moved(o, fit(size) - fit(Math.max(0, o.size))))) : undefined;
  if (located) {
    // Where the windows, moved to this size, put the duration (interval-censored fit): not
    // their midpoints, which lean towards the early side of the wide windows of cold polling.
    expectedMs = Math.max(0, located.centerMs);
    jobsVary = located.scatterMs ** 2;
    unsure = located.centerSpreadMs ** 2;
  } else {
    // Scatter of the midpoints beyond what their windows explain: how much the jobs themselves vary.
    const scatter = n > 1 ? (sum(pts.map((p) => p.weight * (p.m - fit(p.s)) ** 2)) / W) * (n / (n - 1)) : 0;
    jobsVary = Math.max(0, scatter - sum(pts.map((p) => p.weight * p.v)) / W);
    // What the windows leave unknown of the fitted mean (narrow windows dominate, as in the fit).
    unsure = Math.max(0, 1 / W - 1e4 / n);
  }
  const prior = ((PRIOR_CV * expectedMs) / (n * n)) ** 2;
  const floor = (FLOOR_CV * expectedMs) ** 2;
  const spreadMs = Math.sqrt(jobsVary + unsure + prior + floor + extrapolation ** 2);
  return { expectedMs, spreadMs, samples: n };
}

/** An observation's window, moved by `shiftMs` (to another input size). */
function moved(o: DurationObservation, shiftMs: number): [number, number] {
  return [Math.max(0, o.minMs + shiftMs), Math.max(0, o.maxMs + shiftMs)];
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
