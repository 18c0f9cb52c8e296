import { NEGATORS } from './sentiment';
import { stem, STOPWORDS } from './text';
import { sentimentEvidence, type Clause } from './winkSentiment';
import type { WordTable } from './WordTable';

/** Words after a negator that it reaches ("not at all what we paid for"). */
const NEGATION_REACH = 3;


/** Names of the scalar features, in order, after the mean vector. */
export const SCALAR_FEATURES = [
  'rulesPositive',
  'rulesNegative',
  'rulesNet',
  'rulesMinorShare',
  'positiveClauses',
  'negativeClauses',
  'lexiconPositive',
  'lexiconNegative',
  'question',
  'exclamations',
  'digits',
  'length',
  'negators',
  'contrast',
  'unknownShare',
] as const;

/** Length of the feature vector for a table of `dims` dimensions. */
export function featureCount(dims: number): number {
  return dims + SCALAR_FEATURES.length;
}

/**
 * What a text's sentiment model reads (its sentences split by `splitClauses`): the mean meaning
 * of its content words (the word table's vectors) and scalars: the rules' evidence from
 * `sentimentEvidence`, the lexicon phrases, punctuation, length. Pure. (Means over the words a
 * negator reaches and over the clause after "but" were tried: no better in cross-validation.)
 */
export function sentimentFeatures(split: Clause[][], text: string, words: WordTable): Float64Array {
  const dims = words.dims;
  const out = new Float64Array(featureCount(dims));
  const all = out.subarray(0, dims);
  let [count, unknown, content, negators, lexPos, lexNeg, contrast, tokens] = [0, 0, 0, 0, 0, 0, 0, 0];
  for (const parts of split) {
    if (parts.length > 1) contrast++;
    for (const part of parts) {
      let negator = -99;
      part.tokens.forEach((t, i) => {
        tokens++;
        const w = t.normal;
        // A lexicon phrase a negator reaches counts on the other side ("not good").
        const polarity = (t.polarity ?? 0) * (i - negator <= NEGATION_REACH ? -1 : 1);
        if (polarity > 0) lexPos += polarity;
        else lexNeg -= polarity;
        if (NEGATORS.has(w) || w.endsWith("n't")) {
          negators++;
          negator = i;
          return;
        }
        const v = contentVector(w, words);
        if (v === null) return;
        content++;
        if (!v) {
          unknown++;
          return;
        }
        add(all, v);
        count++;
      });
    }
  }
  scale(all, count);
  const e = sentimentEvidence(split);
  const total = e.pos + e.neg;
  const scalars = [
    Math.log1p(e.pos),
    Math.log1p(e.neg),
    Math.tanh(e.pos - e.neg),
    total > 0 ? Math.min(e.pos, e.neg) / total : 0,
    Math.min(e.positiveClauses, 3),
    Math.min(e.negativeClauses, 3),
    Math.log1p(lexPos),
    Math.log1p(lexNeg),
    /\?\s*$/.test(text) ? 1 : text.includes('?') ? 0.5 : 0,
    Math.min((text.match(/!/g) ?? []).length, 3),
    /\d/.test(text) ? 1 : 0,
    Math.log1p(tokens),
    Math.min(negators, 3),
    Math.min(contrast, 2),
    content ? unknown / content : 0,
  ];
  out.set(scalars, dims);
  return out;
}

function add(into: Float64Array, v: Float64Array): void {
  for (let d = 0; d < into.length; d++) into[d] = into[d]! + v[d]!;
}

function scale(v: Float64Array, n: number): void {
  if (n > 1) for (let d = 0; d < v.length; d++) v[d] = v[d]! / n;
}

/** Words too common to mean anything alone (negators, "too", "very" and the like stay: they do). */
const FILLER = new Set('a an the and or of to in on at for it its is are was were be this that i we my our me us you your they'.split(' '));

/**
 * The distinct terms of a text for the model's word weights: each word's stem, marked `not_`
 * when a negator reaches it, and each pair of neighbouring stems ("took ages", "on hold") but
 * for pairs of grammar words.
 */
export function sentimentTerms(split: Clause[][]): string[] {
  const terms = new Set<string>();
  for (const sentence of split) {
    for (const part of sentence) {
      let negator = -99;
      let previous = '';
      let previousFiller = true;
      part.tokens.forEach((t, i) => {
        const w = t.normal;
        if (!/^\p{L}/u.test(w)) {
          previous = '';
          return;
        }
        if (NEGATORS.has(w) || w.endsWith("n't")) negator = i;
        const term = stemOf(w);
        const filler = FILLER.has(w);
        // A pair of two grammar words ("was not", "it is") says how a text is written, not what.
        if (previous && !(filler && previousFiller)) terms.add(`${previous} ${term}`);
        [previous, previousFiller] = [term, filler];
        if (filler) return;
        terms.add(i - negator <= NEGATION_REACH && i !== negator ? `not_${term}` : term);
      });
    }
  }
  return [...terms];
}

/** Per word table, each word's vector: null for a stop word or a non-word, undefined when unknown. */
const VECTORS = new WeakMap<WordTable, Map<string, Float64Array | null | undefined>>();
/** Distinct words remembered per table (a long-running emulator sees many; the map starts over). */
const MEMORY = 100_000;

function contentVector(w: string, words: WordTable): Float64Array | null | undefined {
  let known = VECTORS.get(words);
  if (!known) VECTORS.set(words, (known = new Map()));
  if (known.has(w)) return known.get(w);
  const v = STOPWORDS.has(w) || !/^\p{L}/u.test(w) ? null : words.vector(w);
  if (known.size >= MEMORY) known.clear();
  known.set(w, v);
  return v;
}

const STEMS = new Map<string, string>();

function stemOf(w: string): string {
  let s = STEMS.get(w);
  if (s === undefined) {
    if (STEMS.size >= MEMORY) STEMS.clear();
    STEMS.set(w, (s = stem(w.replace(/n't$/, 'not'))));
  }
  return s;
}
