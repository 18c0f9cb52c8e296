/**
 * Multinomial logistic regression, fitted by full-batch gradient descent (Adam) with an L2
 * penalty: deterministic (zero start, fixed steps), so the same data give the same model.
 * Used by `trainSentiment.ts` only; the emulator reads the result (src/emulator/analysis/sentimentModel.ts).
 */
export interface Fit {
  mean: number[];
  scale: number[];
  weights: number[][];
  bias: number[];
  termWeights: number[][];
}

export interface FitOptions {
  /** L2 penalty on the weights (not the biases), per example. */
  l2: number;
  /** L2 penalty on the term weights. */
  l2Terms: number;
  steps?: number;
  rate?: number;
  /** Weigh each class by the inverse of its share (1) or not at all (0), or in between. */
  balance?: number;
}

/**
 * Fits dense features `x` (standardised here) and sparse binary terms (`terms[i]`: the indices,
 * below `vocabulary`, of the terms text i has) to the labels `y`.
 */
export function fitSoftmax(x: Float64Array[], terms: number[][], vocabulary: number, y: number[], classes: number, options: FitOptions): Fit {
  const n = x.length;
  const f = x[0]!.length;
  const V = vocabulary;
  const mean = new Array<number>(f).fill(0);
  const scale = new Array<number>(f).fill(0);
  for (const row of x) row.forEach((v, j) => (mean[j] = mean[j]! + v / n));
  for (const row of x) row.forEach((v, j) => (scale[j] = scale[j]! + (v - mean[j]!) ** 2 / n));
  for (let j = 0; j < f; j++) scale[j] = Math.sqrt(scale[j]!) || 1;
  const z = x.map((row) => Float64Array.from(row, (v, j) => (v - mean[j]!) / scale[j]!));
  const counts = new Array<number>(classes).fill(0);
  y.forEach((k) => (counts[k] = counts[k]! + 1));
  const balance = options.balance ?? 0;
  const classWeight = counts.map((c) => (c ? (n / (classes * c)) ** balance : 0));
  // Columns: f dense weights, the bias, V term weights.
  const width = f + 1 + V;
  const w = Array.from({ length: classes }, () => new Float64Array(width));
  const m = w.map(() => new Float64Array(width));
  const v = w.map(() => new Float64Array(width));
  const steps = options.steps ?? 600;
  const rate = options.rate ?? 0.05;
  const [b1, b2, eps] = [0.9, 0.999, 1e-8];
  const p = new Float64Array(classes);
  for (let step = 1; step <= steps; step++) {
    const grad = w.map(() => new Float64Array(width));
    let total = 0;
    for (let i = 0; i < n; i++) {
      const row = z[i]!;
      for (let k = 0; k < classes; k++) {
        let s = w[k]![f]!;
        const wk = w[k]!;
        for (let j = 0; j < f; j++) s += wk[j]! * row[j]!;
        for (const t of terms[i]!) s += wk[f + 1 + t]!;
        p[k] = s;
      }
      const top = Math.max(...p);
      let sum = 0;
      for (let k = 0; k < classes; k++) sum += p[k] = Math.exp(p[k]! - top);
      const cw = classWeight[y[i]!]!;
      total += cw;
      for (let k = 0; k < classes; k++) {
        const g = cw * (p[k]! / sum - (y[i] === k ? 1 : 0));
        const gk = grad[k]!;
        for (let j = 0; j < f; j++) gk[j] = gk[j]! + g * row[j]!;
        gk[f] = gk[f]! + g;
        for (const t of terms[i]!) gk[f + 1 + t] = gk[f + 1 + t]! + g;
      }
    }
    for (let k = 0; k < classes; k++) {
      const [wk, gk, mk, vk] = [w[k]!, grad[k]!, m[k]!, v[k]!];
      for (let j = 0; j < width; j++) {
        const l2 = j < f ? options.l2 : j > f ? options.l2Terms : 0;
        const g = gk[j]! / total + l2 * wk[j]!;
        mk[j] = b1 * mk[j]! + (1 - b1) * g;
        vk[j] = b2 * vk[j]! + (1 - b2) * g * g;
        const mh = mk[j]! / (1 - b1 ** step);
        const vh = vk[j]! / (1 - b2 ** step);
        wk[j] = wk[j]! - (rate * mh) / (Math.sqrt(vh) + eps);
      }
    }
  }
  return {
    mean,
    scale,
    weights: w.map((row) => Array.from(row.subarray(0, f))),
    bias: w.map((row) => row[f]!),
    termWeights: w.map((row) => Array.from(row.subarray(f + 1))),
  };
}
