import { COMPLAINT_LEMMAS, CONTRAST, NOT_EVALUATIVE, PRAISE_LEMMAS } from './complaintCues';
import { constructionAt } from './sentimentConstructions';
import type { TaggedSentence, Token } from './language';
import { INTENSIFIERS, NEGATIVE, NEGATORS, POSITIVE, type Sentiment } from './sentiment';
import { hash32, memoPerWord, round6, STOPWORDS } from './text';

/** Weight of one lexicon phrase of the tagger (-1..1) beside one hit of the built-in lexicon (1). */
const TAGGER_WEIGHT = 1.5;

/** Weight of a clause opened by "but", "however", "yet": in "X but Y" the speaker's point is Y. */
const AFTER_BUT = 1.5;

/** Evidence of a clause after "but" with no evaluative word of its own. */
const IMPLIED = 0.8;

/**
 * Sentiment from the tagger's lexicon phrases (wink-nlp) combined with the built-in lexicon and
 * the complaint cues, clause by clause, with negation read in a short window, so "tasty curry,
 * but the rice was dry" keeps both sides: strong evidence on both sides is `mixed`.
 */
export function winkSentiment(tagged: TaggedSentence[], text: string, seed: number): { sentiment: Sentiment; confidence: number } {
  const { pos, neg } = sentimentEvidence(splitClauses(tagged));
  const jitter = (hash32(text, seed) % 1000) / 1000;
  const total = pos + neg;
  if (total < 0.25) return { sentiment: 'neutral', confidence: round6(0.6 + 0.3 * jitter) };
  const minor = Math.min(pos, neg);
  if (minor >= 0.5 && minor / total >= 0.2) {
    return { sentiment: 'mixed', confidence: round6(0.55 + 0.3 * (minor / total) + 0.05 * jitter) };
  }
  const confidence = Math.min(0.999, 0.6 + 0.35 * Math.tanh(Math.abs(pos - neg) / 1.5) + 0.04 * jitter);
  return { sentiment: pos > neg ? 'positive' : 'negative', confidence: round6(confidence) };
}

/** The rules' evidence on each side, and how many clauses lean each way. */
export interface SentimentEvidence {
  pos: number;
  neg: number;
  positiveClauses: number;
  negativeClauses: number;
}

/** Sums the rules' evidence clause by clause (the reading `winkSentiment` decides on). */
export function sentimentEvidence(split: Clause[][]): SentimentEvidence {
  const evidence: SentimentEvidence = { pos: 0, neg: 0, positiveClauses: 0, negativeClauses: 0 };
  let previous = 0;
  for (const sentence of split) {
    for (const { tokens, weight } of sentence) {
      const v = clauseScore(tokens);
      let net = (v.pos - v.neg) * weight;
      // "Lovely pool, but it was packed": the contrast itself says the clause turns the other way.
      if (weight === AFTER_BUT && Math.abs(net) < 0.25 && previous) net = -Math.sign(previous) * IMPLIED;
      if (net > 0) evidence.pos += net;
      else evidence.neg -= net;
      if (net >= 0.25) evidence.positiveClauses++;
      if (net <= -0.25) evidence.negativeClauses++;
      previous = net;
    }
  }
  return evidence;
}

const STRONG_CONTRAST = new Set(['but', 'however', 'yet']);

/** A clause of a sentence, and the weight of what it says ("but" makes it weigh more). */
export interface Clause {
  tokens: Token[];
  weight: number;
}

/** Each sentence's clauses, split at "but", "however", "although" and the like. */
export function splitClauses(tagged: TaggedSentence[]): Clause[][] {
  return tagged.map((s) => clauses(s.tokens));
}

function clauses(tokens: Token[]): Clause[] {
  const out: Clause[] = [{ tokens: [], weight: 1 }];
  for (const t of tokens) {
    if (CONTRAST.has(t.normal) && out[out.length - 1]!.tokens.length) {
      out.push({ tokens: [], weight: STRONG_CONTRAST.has(t.normal) ? AFTER_BUT : 1 });
    } else out[out.length - 1]!.tokens.push(t);
  }
  return out;
}

/** Signed evidence of one clause: lexicon hits (negated within three words) and cues. */
function clauseScore(tokens: Token[]): { pos: number; neg: number } {
  let pos = 0;
  let neg = 0;
  let negator = -9;
  let negatorUsed = true;
  let unusedNegators = 0;
  let intensifier = -9;
  let copula = -9;
  let skipUntil = 0;
  tokens.forEach((t, i) => {
    const w = t.normal;
    if (COPULAS.has(w)) copula = i;
    const next = tokens[i + 1]?.normal ?? '';
    // "too short", "not enough": a complaint already negated in its own words.
    if ((w === 'too' && /^\p{L}/u.test(next)) || (w === 'enough' && negator === i - 1)) {
      neg += 1;
      negatorUsed = true;
      return;
    }
    if (i < skipUntil) return;
    const construction = constructionAt(tokens, i);
    if (construction) skipUntil = i + construction.span;
    const lexical = lexicalPolarity(w);
    let p = construction ? construction.value || lexical.cue : lexical.word || lexical.cue;
    if (!p && t.polarity && !STOPWORDS.has(w) && !NOT_EVALUATIVE.has(w)) p = t.polarity * TAGGER_WEIGHT;
    if (p && i - negator <= 3) {
      // A construction reads its own negation ("can't beat"); a negated complaint is weaker
      // praise than its plain opposite ("not bad" is not "good", "no wait" is not "fast").
      if (!construction || construction.negatable) p = p > 0 ? -p : -p * NEGATED_COMPLAINT;
      negatorUsed = true;
    }
    const v = p * (i - intensifier <= 3 ? 1.5 : 1) * (i - copula <= 3 ? PREDICATE : 1);
    if (v > 0) pos += v;
    else neg -= v;
    if (NEGATORS.has(w) || w.endsWith("n't") || FACTUAL_NEGATORS.has(w)) {
      if (!negatorUsed) unusedNegators++;
      [negator, negatorUsed] = [i, false];
    }
    if (INTENSIFIERS.has(w)) intensifier = i;
  });
  if (!negatorUsed) unusedNegators++;
  // "no reply", "could not find the address": a negation with nothing to flip is a complaint.
  return { pos, neg: neg + 0.7 * unusedNegators };
}

/**
 * Verbs that link a subject to what is said of it: an evaluation after one is the clause's
 * claim ("the event was magical"), weightier than a modifier inside a name ("late rides").
 */
const COPULAS = new Set(
  'is are was were be been being am seem seems seemed felt feels looked looks tasted tastes sounded got became'.split(' '),
);
const PREDICATE = 1.5;
const NEGATED_COMPLAINT = 0.5;

/** Negations that read as complaints on their own ("barely worked", "nobody came"). */
const FACTUAL_NEGATORS = new Set(['nobody', 'barely', 'cannot', 'none', 'neither', 'nor', 'zero']);

/** Polarities of a word out of context: `word` from the lexicon (graded forms too), `cue` from the cue lemmas. */
interface Lexical {
  word: number;
  cue: number;
}
const lexicalPolarity = memoPerWord(
  (w): Lexical => ({
    word: POSITIVE.has(w) ? 1 : NEGATIVE.has(w) ? -1 : graded(w, POSITIVE) ? 1 : graded(w, NEGATIVE) ? -1 : 0,
    cue: inflected(w, PRAISE_LEMMAS) ? 1 : inflected(w, COMPLAINT_LEMMAS) ? -1 : 0,
  }),
);

/** The word or its base form ("closed", "closes", "closing" -> "close") is in the set. */
function inflected(word: string, set: Set<string>): boolean {
  if (set.has(word)) return true;
  const base = word.replace(/(?:ing|ed|es|s|d)$/, '');
  return base !== word && (set.has(base) || set.has(`${base}e`));
}

/** A comparative or superlative of a word in the set: "cheaper", "slowest", "easier". */
function graded(word: string, set: Set<string>): boolean {
  const m = /^(\p{L}{3,}?)(?:i?er|i?est)$/u.exec(word);
  if (!m) return false;
  const base = m[1]!;
  const y = word.includes('ier') || word.includes('iest') ? `${base}y` : base;
  const doubled = base.length > 3 && base.at(-1) === base.at(-2); // "hotter" -> "hot"
  return set.has(y) || set.has(base) || set.has(`${base}e`) || (doubled && set.has(base.slice(0, -1)));
}
