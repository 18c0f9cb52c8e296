import { hash32, round6, sentences, tokenize } from './text';

export const POSITIVE = new Set(
  `good great excellent amazing awesome fantastic wonderful love loved lovely like liked enjoy enjoyed happy glad pleased
  friendly helpful kind polite fast quick easy smooth clean fresh tasty delicious perfect best nice beautiful brilliant
  superb thrilling fun blast comfortable recommend recommended worth reliable efficient impressive outstanding affordable
  cheap intuitive responsive satisfied delighted exceptional favourite favorite convenient professional attentive`.split(/\s+/),
);
export const NEGATIVE = new Set(
  `bad terrible awful horrible hate hated dislike poor slow broken dirty rude unhelpful expensive overpriced worst
  disappointing disappointed disappointment angry annoyed annoying frustrating frustrated confusing confused crash crashed
  crashes bug buggy fail failed failure error problem problems issue issues late delay delayed wait waiting waited cold
  noisy crowded long endless useless sad unhappy refund complaint complain lost missing wrong never nasty stale bland
  unreliable difficult hard painful overcrowded queue queues`.split(/\s+/),
);
export const NEGATORS = new Set(['not', 'no', 'never', 'hardly', 'without', "isn't", "wasn't", "don't", "didn't", "doesn't", "won't", "can't", "couldn't", 'nothing']);
export const INTENSIFIERS = new Set(['very', 'really', 'extremely', 'so', 'super', 'incredibly', 'absolutely', 'totally']);

/** True for words that carry sentiment rather than topic. */
export function isSentimentWord(word: string): boolean {
  return POSITIVE.has(word) || NEGATIVE.has(word);
}

export type Sentiment = 'positive' | 'negative' | 'neutral' | 'mixed';

/**
 * Lexicon sentiment with negation ("not good" is negative) and intensifiers; a text with
 * strong positive and negative clauses is `mixed`.
 */
export function sentimentOf(text: string, seed: number): { sentiment: Sentiment; confidence: number } {
  let pos = 0;
  let neg = 0;
  const parts = sentences(text);
  for (const sentence of parts.length ? parts : [text]) {
    const words = tokenize(sentence);
    words.forEach((w, i) => {
      const polarity = POSITIVE.has(w) ? 1 : NEGATIVE.has(w) ? -1 : 0;
      if (!polarity) return;
      const window = words.slice(Math.max(0, i - 3), i);
      const negated = window.some((x) => NEGATORS.has(x) || x.endsWith("n't"));
      const boost = window.some((x) => INTENSIFIERS.has(x)) ? 1.5 : 1;
      const value = (negated ? -polarity : polarity) * boost;
      if (value > 0) pos += value;
      else neg -= value;
    });
  }
  const jitter = (hash32(text, seed) % 1000) / 1000; // stable per text, varies between texts
  if (pos === 0 && neg === 0) return { sentiment: 'neutral', confidence: round6(0.6 + 0.3 * jitter) };
  const total = pos + neg;
  if (Math.min(pos, neg) / total >= 0.3) return { sentiment: 'mixed', confidence: round6(0.55 + 0.3 * (Math.min(pos, neg) / total) + 0.05 * jitter) };
  const margin = Math.abs(pos - neg);
  const confidence = Math.min(0.999, 0.6 + 0.35 * Math.tanh(margin / 1.5) + 0.04 * jitter);
  return { sentiment: pos > neg ? 'positive' : 'negative', confidence: round6(confidence) };
}
