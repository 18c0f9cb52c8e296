import { NEGATORS } from './sentiment';
import { memoPerWord, stem } from './text';
import { sentimentEvidence, type Clause } from './winkSentiment';

/** Words after a negator that it reaches ("not at all what we paid for"). */
const NEGATION_REACH = 3;

/**
 * Names of the features, in order (a model file lists them: one trained on other features is
 * refused). Change a name when its computation changes.
 */
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
] as const;

/**
 * How `sentimentTerms` makes terms: a model trained on other terms must not be used. Change it
 * whenever the terms change (the negation reach, the grammar words, the stems).
 */
export const TERMS = 'stems, not_ within 3, pairs but of grammar words (1)';

/** What a model must have been trained on to read these features and terms. */
export const MODEL_INPUTS = { features: SCALAR_FEATURES, terms: TERMS };

/**
 * What a text's sentiment model reads besides its terms (its sentences split by
 * `splitClauses`): the rules' evidence from `sentimentEvidence`, the lexicon phrases (turned by
 * a negator that reaches them), punctuation, length. Pure. (The mean word-table vector of the
 * content words, and means over negated words and the clause after "but", were tried: no
 * better in cross-validation, and a food word such as "tart" pulled answers to `mixed`.)
 */
export function sentimentFeatures(split: Clause[][], text: string): Float64Array {
  let [negators, lexPos, lexNeg, contrast, tokens] = [0, 0, 0, 0, 0];
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
        }
      });
    }
  }
  const e = sentimentEvidence(split);
  const total = e.pos + e.neg;
  return Float64Array.from([
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
  ]);
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

/** A word's stem, "n't" read as "not". */
const stemOf = memoPerWord((w) => stem(w.replace(/n't$/, 'not')));
