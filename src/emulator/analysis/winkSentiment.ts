import { COMPLAINT_LEMMAS, CONTRAST, DURATION_UNITS, EXCESS, PRAISE_LEMMAS } from './complaintCues';
import type { TaggedSentence, Token } from './language';
import { INTENSIFIERS, NEGATIVE, NEGATORS, POSITIVE, type Sentiment } from './sentiment';
import { hash32, round6 } from './text';

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
  tokens.forEach((t, i) => {
    const window = tokens.slice(Math.max(0, i - 3), i).map((x) => x.normal);
    const negated = window.some((x) => NEGATORS.has(x) || x.endsWith("n't"));
    const boost = window.some((x) => INTENSIFIERS.has(x)) ? 1.5 : 1;
    let p = POSITIVE.has(t.normal) ? 1 : NEGATIVE.has(t.normal) ? -1 : 0;
    if (!p) p = PRAISE_LEMMAS.has(t.lemma) || PRAISE_LEMMAS.has(t.normal) ? 0.8 : COMPLAINT_LEMMAS.has(t.lemma) || COMPLAINT_LEMMAS.has(t.normal) ? -0.8 : 0;
    if (!p && t.pos === 'NUM' && DURATION_UNITS.has(tokens[i + 1]?.normal ?? '')) p = -0.6;
    // "too short", "not enough": a complaint already negated in its own words.
    if (!p && EXCESS.has(t.normal) && (t.normal === 'too' ? tokens[i + 1]?.pos === 'ADJ' : negatedBefore(tokens, i))) {
      score -= 1;
      return;
    }
    score += (negated && p ? -p : p) * boost;
  });
  return score;
}

function negatedBefore(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1]?.normal ?? '';
  return prev === 'not' || prev === 'no';
}
