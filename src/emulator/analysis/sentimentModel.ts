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
  classes: Sentiment[];
  mean: number[];
  scale: number[];
  /** One row per class, one column per feature. */
  weights: number[][];
  bias: number[];
  /** Names of the features the weights are for, in order (`SCALAR_FEATURES`). */
  features: string[];
  /** How the terms were made (`TERMS` of sentimentFeatures.ts). */
  terms: string;
  /** Terms (`sentimentTerms`) with a weight of their own: those seen in several training domains. */
  vocabulary: string[];
  /** One row per class, one column per vocabulary term (present: 1, absent: 0; not standardised). */
  termWeights: number[][];
  /** Where the model came from: training sets, sizes, cross-validated agreement. */
  about?: unknown;
}

/** What the model reads: the names of its features, in order, and how its terms are made. */
export interface ModelInputs {
  features: readonly string[];
  terms: string;
}

/** Largest magnitude of any number in a model file (a trained model's are far smaller). */
const LIMIT = 1e6;
/** Most vocabulary terms, and longest term, a model file may have. */
const MAX_TERMS = 200_000;
const MAX_TERM_LENGTH = 100;

/**
 * Reads a model file, checking it was trained on `inputs` (the same features in the same order,
 * the same terms) and every size and number in it. Never trusts the file: anything else is an
 * error.
 */
export function parseSentimentModel(json: string, inputs: ModelInputs): SentimentModel {
  const m = JSON.parse(json) as Partial<SentimentModel> | null;
  const n = inputs.features.length;
  const numbers = (v: unknown, count: number, min = -LIMIT) =>
    Array.isArray(v) && v.length === count && v.every((x) => typeof x === 'number' && x >= min && x <= LIMIT);
  const rows = (v: unknown, count: number, width: number) => Array.isArray(v) && v.length === count && v.every((row) => numbers(row, width));
  const classes: unknown[] = Array.isArray(m?.classes) ? m.classes : [];
  const vocabulary: unknown[] = Array.isArray(m?.vocabulary) ? m.vocabulary : [];
  const ok =
    typeof m === 'object' &&
    m !== null &&
    m.format === SENTIMENT_MODEL_FORMAT &&
    Array.isArray(m.features) &&
    m.features.join('\n') === inputs.features.join('\n') &&
    m.terms === inputs.terms &&
    classes.length >= 2 &&
    classes.every((c) => LABELS.includes(c as Sentiment)) &&
    new Set(classes).size === classes.length &&
    numbers(m.mean, n) &&
    numbers(m.scale, n, 1 / LIMIT) &&
    numbers(m.bias, classes.length) &&
    rows(m.weights, classes.length, n) &&
    Array.isArray(m.vocabulary) &&
    vocabulary.length <= MAX_TERMS &&
    vocabulary.every((t) => typeof t === 'string' && t.length > 0 && t.length <= MAX_TERM_LENGTH) &&
    new Set(vocabulary).size === vocabulary.length &&
    rows(m.termWeights, classes.length, vocabulary.length);
  if (!ok) throw new Error(`not a sentiment model for these ${n} features and terms "${inputs.terms}" (${SENTIMENT_MODEL_FORMAT})`);
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
