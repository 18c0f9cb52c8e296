import type { Sentiment } from './sentiment';
import { round6 } from './text';

/** File format tag of a trained sentiment model (`examples/data/sentimentModel.json`). */
export const SENTIMENT_MODEL_FORMAT = 'pulse-rx-sentiment/1';

const LABELS: readonly Sentiment[] = ['positive', 'negative', 'neutral', 'mixed'];

/**
 * A multinomial logistic regression over `sentimentFeatures`, trained by
 * `spec/eval/trainSentiment.ts` on labelled feedback: each feature is standardised with
 * `mean` and `scale`, then each class scores `bias + weights . x` plus the weights of the
 * vocabulary terms the text has.
 */
export interface SentimentModel {
  format: typeof SENTIMENT_MODEL_FORMAT;
  /** Dimensions of the word table the model was trained with. */
  dims: number;
  classes: Sentiment[];
  mean: number[];
  scale: number[];
  /** One row per class, one column per feature. */
  weights: number[][];
  bias: number[];
  /** Terms (`sentimentTerms`) with a weight of their own: those seen in several training domains. */
  vocabulary: string[];
  /** One row per class, one column per vocabulary term (present: 1, absent: 0; not standardised). */
  termWeights: number[][];
  /** Where the model came from: training sets, sizes, cross-validated agreement. */
  about?: unknown;
}

/**
 * Reads a model file, checking every size against `features` (the count `sentimentFeatures`
 * gives for the word table in use). Never trusts the file: a wrong shape is an error.
 */
export function parseSentimentModel(json: string, features: number): SentimentModel {
  const m = JSON.parse(json) as Partial<SentimentModel>;
  const numbers = (v: unknown, n: number) => Array.isArray(v) && v.length === n && v.every((x) => typeof x === 'number' && Number.isFinite(x));
  const classes = m.classes ?? [];
  const ok =
    m.format === SENTIMENT_MODEL_FORMAT &&
    Array.isArray(classes) &&
    classes.length >= 2 &&
    classes.every((c) => LABELS.includes(c)) &&
    new Set(classes).size === classes.length &&
    numbers(m.mean, features) &&
    numbers(m.scale, features) &&
    m.scale!.every((v) => v > 0) &&
    numbers(m.bias, classes.length) &&
    Array.isArray(m.weights) &&
    m.weights.length === classes.length &&
    m.weights.every((row) => numbers(row, features)) &&
    Array.isArray(m.vocabulary) &&
    m.vocabulary.every((t) => typeof t === 'string') &&
    Array.isArray(m.termWeights) &&
    m.termWeights.length === classes.length &&
    m.termWeights.every((row) => numbers(row, m.vocabulary!.length));
  if (!ok) throw new Error(`not a sentiment model for ${features} features (${SENTIMENT_MODEL_FORMAT})`);
  return m as SentimentModel;
}

/** The most probable class and its probability (the answer's confidence). */
export function classify(model: SentimentModel, x: Float64Array, terms: readonly string[]): { sentiment: Sentiment; confidence: number } {
  const p = probabilities(model, x, terms);
  let best = 0;
  p.forEach((v, k) => {
    if (v > p[best]!) best = k;
  });
  return { sentiment: model.classes[best]!, confidence: round6(Math.min(0.999, p[best]!)) };
}

/** Softmax probabilities of each class, in `model.classes` order. */
export function probabilities(model: SentimentModel, x: Float64Array, terms: readonly string[]): number[] {
  const { index, weights, bias } = prepared(model);
  const present: number[] = [];
  for (const t of terms) {
    const j = index.get(t);
    if (j !== undefined) present.push(j);
  }
  const z = weights.map((row, k) => {
    let s = bias[k]!;
    for (let j = 0; j < row.length; j++) s += row[j]! * x[j]!;
    const termRow = model.termWeights[k]!;
    for (const j of present) s += termRow[j]!;
    return s;
  });
  const top = Math.max(...z);
  const e = z.map((v) => Math.exp(v - top));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** A model ready to score: the standardisation folded into the weights, the vocabulary indexed. */
interface Prepared {
  index: Map<string, number>;
  weights: Float64Array[];
  bias: number[];
}
const PREPARED = new WeakMap<SentimentModel, Prepared>();

function prepared(model: SentimentModel): Prepared {
  let p = PREPARED.get(model);
  if (!p) {
    // w . (x - mean) / scale + b  =  (w / scale) . x + (b - sum(w * mean / scale))
    const weights = model.weights.map((row) => Float64Array.from(row, (w, j) => w / model.scale[j]!));
    const bias = model.bias.map((b, k) => b - weights[k]!.reduce((s, w, j) => s + w * model.mean[j]!, 0));
    PREPARED.set(model, (p = { index: new Map(model.vocabulary.map((t, j) => [t, j])), weights, bias }));
  }
  return p;
}
