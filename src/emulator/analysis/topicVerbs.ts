import type { TaggedSentence, Token } from './language';
import { frequentWords, type Noun } from './nounGroups';
import { baseForms, verbOf } from './wordEmbed';
import type { WordTable } from './WordTable';

/** Verbs and adjectives considered: the most frequent ones (a third of the nouns considered). */
const CANDIDATES = 40;

/**
 * Verbs and adjectives that say little of what a text is about ("keeps failing" is about
 * failing, "the same order" about the order): never a theme of their own.
 */
const LIGHT = new Set(
  `be have do get make take come go say tell keep give put let use find ask add show leave want need seem try look see know
  think feel become turn start stop call work help mean include happen provide allow offer send bring hold
  same own other new old high low small large big little many much few whole real different extra last first next only
  sure such latest able available possible entire certain main usual several actual local recent free full open
  better worse right fine okay`.split(/\s+/),
);

/**
 * Verbs and adjectives that carry a topic ("arrived", "packed", "hot"), in at least two texts,
 * most frequent first: where texts share no noun (timing complaints name none) they may
 * share these. A verb is keyed by its base form and named by its -ing form ("Packing" for
 * "packed", "packing"), which wording reads as the same word, unless the texts mostly write
 * the base itself ("fast pass": "Pass"); an adjective by its commonest written form. Shaped as nouns are, so they group and label alike.
 */
export function frequentVerbsAndAdjectives(tagged: TaggedSentence[][], words: WordTable, isLabelWord: (w: string) => boolean): Noun[] {
  const isVerbOrAdjective = (t: Token) => t.pos === 'VERB' || t.pos === 'ADJ';
  const keyed = (t: Token) => {
    const { base, verb } = keyOf(t, words);
    if (!base || t.stop || LIGHT.has(base) || !isLabelWord(base) || !isLabelWord(t.normal) || !words.vector(base)) return undefined;
    return { key: base, extra: verb };
  };
  return frequentWords(tagged, isVerbOrAdjective, keyed, CANDIDATES).flatMap((w) => {
    const form = w.extra && w.commonest !== w.key ? (gerundOf(w.key, words) ?? w.commonest) : w.commonest;
    return isLabelWord(form) ? [{ lemma: w.key, form, texts: w.texts, vector: words.vector(w.key)! }] : [];
  });
}

/**
 * A verb's base form (wink's lemma, when the table has it); an adjective as written, or as the
 * verb of a participle the table lacks. Forms the table lacks are read as wording reads them
 * ("overcooked": "over cook", so "cook").
 */
function keyOf(t: Token, words: WordTable): { base: string | undefined; verb: boolean } {
  const head = () => baseForms(t.normal, words).split(' ').pop();
  if (t.pos === 'VERB') return { base: words.rank(t.lemma) !== undefined ? t.lemma : head(), verb: true };
  if (words.rank(t.normal) !== undefined || !/(?:ed|ing)$/.test(t.normal)) return { base: t.normal, verb: false };
  return { base: head(), verb: true };
}

/** The -ing form of a verb that the table lists and wording reads back as the verb ("pack" → "packing"), or undefined. */
function gerundOf(verb: string, words: WordTable): string | undefined {
  const last = verb[verb.length - 1]!;
  const forms = [`${verb}ing`, verb.endsWith('e') && !verb.endsWith('ee') ? `${verb.slice(0, -1)}ing` : '', `${verb}${last}ing`];
  return forms.find((f) => f && words.rank(f) !== undefined && verbOf(f, words) === verb);
}
