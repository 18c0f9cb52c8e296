/**
 * Where durations lie, from windows that each hold one of them: a maximum-likelihood fit
 * of a normal distribution to interval-censored data. Pure maths, no clock.
 */

/** A fitted location (`centerMs`), how sure it is (`centerSpreadMs`) and how much durations vary (`scatterMs`). */
export interface CensoredFit {
  centerMs: number;
  centerSpreadMs: number;
  scatterMs: number;
}

const COARSE_CENTERS = 32;
const COARSE_SCATTERS = 12;
/** Log-likelihood below the best that still counts as "as likely" (about one standard deviation). */
const NEAR_BEST = 0.5;

/**
 * Fits durations `~ N(center, scatter²)` to windows `[lo, hi]` (each duration is known only to
 * lie in its window) on a grid, coarse then fine: the centers within `NEAR_BEST` of the best likelihood at the
 * best scatter form a range; its middle is `centerMs` and its width / √12 `centerSpreadMs`.
 * Windows that share a common part give its middle, with the scatter at the grid's floor;
 * windows that disagree give the centre and scatter that explain them best. Wide windows
 * (a job seen only when done) weigh little without being ignored: they bound from one side.
 *
 * @example
 * censoredFit([[3900, 4100], [3950, 4050], [4000, 4200]]); // center ~4025 (the shared 4000-4050), small scatter
 */
export function censoredFit(windows: ReadonlyArray<readonly [number, number]>): CensoredFit | undefined {
  if (windows.length === 0) return undefined;
  const los = windows.map((w) => w[0]);
  const his = windows.map((w) => Math.max(w[0], w[1]));
  const from = Math.min(...los.map((lo, i) => (lo > 0 ? lo : his[i]! / 2)));
  const to = Math.max(...his);
  const span = Math.max(1, to - from);
  const vMin = Math.max(1, 0.002 * Math.max(1, (from + to) / 2));
  const vMax = Math.max(2 * vMin, span);
  const logLikelihood = (c: number, v: number) => {
    let sum = 0;
    for (let i = 0; i < los.length; i++) sum += Math.log(Math.max(1e-12, phi((his[i]! - c) / v) - phi((los[i]! - c) / v)));
    return sum;
  };
  // Coarse, then fine around the best: a few hundred evaluations.
  const coarse = span / COARSE_CENTERS;
  const ratio = (vMax / vMin) ** (1 / COARSE_SCATTERS);
  let best = argmax(grid(from, to, COARSE_CENTERS), geometric(vMin, ratio, COARSE_SCATTERS), logLikelihood);
  best = argmax(grid(best.c - 2 * coarse, best.c + 2 * coarse, 32), geometric(best.v / ratio, ratio ** (1 / 4), 8), logLikelihood);
  // The centres about as likely as the best, at its scatter: found coarse, edges refined.
  const near = (c: number) => logLikelihood(c, best.v) >= best.ll - NEAR_BEST;
  const coarseNear = grid(from, to, COARSE_CENTERS).filter(near);
  const lo0 = Math.min(best.c, ...coarseNear) - coarse;
  const hi0 = Math.max(best.c, ...coarseNear) + coarse;
  const fine = grid(lo0, hi0, 64).filter(near);
  const step = (hi0 - lo0) / 64;
  const lo = Math.min(best.c, ...fine) - step / 2;
  const hi = Math.max(best.c, ...fine) + step / 2;
  return { centerMs: (lo + hi) / 2, centerSpreadMs: (hi - lo) / Math.sqrt(12), scatterMs: best.v };
}

function grid(from: number, to: number, steps: number): number[] {
  return Array.from({ length: steps + 1 }, (_, i) => from + ((to - from) * i) / steps);
}

function geometric(first: number, ratio: number, steps: number): number[] {
  return Array.from({ length: steps + 1 }, (_, i) => first * ratio ** i);
}

function argmax(centers: number[], scatters: number[], f: (c: number, v: number) => number): { c: number; v: number; ll: number } {
  let best = { c: centers[0]!, v: scatters[0]!, ll: Number.NEGATIVE_INFINITY };
  for (const v of scatters) {
    for (const c of centers) {
      const ll = f(c, v);
      if (ll > best.ll + 1e-9) best = { c, v, ll };
    }
  }
  return best;
}

/** The standard normal distribution function (Abramowitz & Stegun 7.1.26, error < 1.5e-7). */
function phi(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
