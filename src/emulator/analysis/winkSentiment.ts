import { COMPLAINT_LEMMAS, CONTRAST, DURATION_UNITS, PRAISE_LEMMAS } from './complaintCues';
import type { TaggedSentence, Token } from './language';
import { INTENSIFIERS, NEGATIVE, NEGATORS, POSITIVE, type Sentiment } from './sentiment';
import { hash32, isNumeric, round6 } from './text';

/** Weight of the tagger's own sentence sentiment (-1..1) beside one lexicon hit. */
const TAGGER_WEIGHT = 2;

/**
 * Sentiment from the tagger's lexicon (wink-nlp, with its negation handling) combined with
 * the built-in lexicon and the complaint cues, clause by clause, so "tasty curry, but the
 * rice was dry" keeps both sides: strong evidence on both sides is `mixed`.
 */
export function winkSentiment(tagged: TaggedSentence[], text: string, seed: number): { sentiment: Sentiment; confidence: number } {
  let pos = 0;
  let neg = 0;
  for (const s of tagged) {
    const w = s.sentiment * TAGGER_WEIGHT;
    if (w > 0) pos += w;
    else neg -= w;
    for (const clause of clauses(s.tokens)) {
      const v = clauseScore(clause);
      if (v > 0) pos += v;
      else neg -= v;
    }
  }
  const jitter = (hash32(text, seed) % 1000) / 1000;
  const total = pos + neg;
  if (total < 0.25) return { sentiment: 'neutral', confidence: round6(0.6 + 0.3 * jitter) };
  const minor = Math.min(pos, neg);
  if (minor >= 1 && minor / total >= 0.3) {
    return { sentiment: 'mixed', confidence: round6(0.55 + 0.3 * (minor / total) + 0.05 * jitter) };
  }
  const confidence = Math.min(0.999, 0.6 + 0.35 * Math.tanh(Math.abs(pos - neg) / 1.5) + 0.04 * jitter);
  return { sentiment: pos > neg ? 'positive' : 'negative', confidence: round6(confidence) };
}

function clauses(tokens: Token[]): Token[][] {
  const out: Token[][] = [[]];
  for (const t of tokens) {
    if (CONTRAST.has(t.normal) && out[out.length - 1]!.length) out.push([]);
    else out[out.length - 1]!.push(t);
  }
  return out;
}

/** Signed evidence of one clause: lexicon hits (negated within three words) and cues. */
function clauseScore(tokens: Token[]): number {
  let score = 0;
  let negator = -9;
  let negatorUsed = true;
  let unusedNegators = 0;
  let intensifier = -9;
  tokens.forEach((t, i) => {
    const w = t.normal;
    const next = tokens[i + 1]?.normal ?? '';
    // "too short", "not enough": a complaint already negated in its own words.
    if ((w === 'too' && /^\p{L}/u.test(next)) || (w === 'enough' && negator === i - 1)) {
      score -= 1;
      negatorUsed = true;
      return;
    }
    let p = POSITIVE.has(w) ? 1 : NEGATIVE.has(w) ? -1 : 0;
    if (!p) p = inflected(w, PRAISE_LEMMAS) ? 0.8 : inflected(w, COMPLAINT_LEMMAS) ? -0.8 : 0;
    if (!p && isDuration(tokens, i)) p = quickly(tokens, i) ? 0.6 : -0.6;
    if (p && i - negator <= 3) {
      p = -p;
      negatorUsed = true;
    }
    if (p) score += p * (i - intensifier <= 3 ? 1.5 : 1);
    if (NEGATORS.has(w) || w.endsWith("n't") || FACTUAL_NEGATORS.has(w)) {
      if (!negatorUsed) unusedNegators++;
      [negator, negatorUsed] = [i, false];
    }
    if (INTENSIFIERS.has(w)) intensifier = i;
  });
  if (!negatorUsed) unusedNegators++;
  // "no reply", "could not find the address": a negation with nothing to flip is a complaint.
  return score - 0.7 * unusedNegators;
}

/** Negations that read as complaints on their own ("barely worked", "nobody came"). */
const FACTUAL_NEGATORS = new Set(['nobody', 'barely', 'cannot', 'none', 'neither', 'nor']);

/** A number (or "an", "half") followed by a time unit: "45 minutes", "an hour". */
function isDuration(tokens: Token[], i: number): boolean {
  const w = tokens[i]!.normal;
  return (isNumeric(w) || w === 'an') && DURATION_UNITS.has(tokens[i + 1]?.normal ?? '');
}

/** "in 20 minutes", "within an hour", "under ten minutes": speed, not waiting. */
function quickly(tokens: Token[], i: number): boolean {
  return tokens.slice(Math.max(0, i - 2), i).some((t) => t.normal === 'in' || t.normal === 'within' || t.normal === 'under');
}

/** The word or its base form ("closed", "closes", "closing" -> "close") is in the set. */
function inflected(word: string, set: Set<string>): boolean {
  if (set.has(word)) return true;
  const base = word.replace(/(?:ing|ed|es|s|d)$/, '');
  return base !== word && (set.has(base) || set.has(`${base}e`));
}
