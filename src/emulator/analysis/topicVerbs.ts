import type { TaggedSentence, Token } from './language';
import type { Noun } from './nounGroups';
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
  const byBase = new Map<string, { texts: Set<number>; forms: Map<string, number>; verb: boolean }>();
  // How often each written form is read as something else ("order" is mostly a noun).
  const otherwise = new Map<string, number>();
  tagged.forEach((doc, i) => {
    for (const s of doc) {
      for (const t of s.tokens) {
        if (t.pos !== 'VERB' && t.pos !== 'ADJ') {
          otherwise.set(t.normal, (otherwise.get(t.normal) ?? 0) + 1);
          continue;
        }
        const { base, verb } = keyOf(t, words);
        if (!base || t.stop || LIGHT.has(base) || !isLabelWord(base) || !isLabelWord(t.normal) || !words.vector(base)) continue;
        const e = byBase.get(base) ?? { texts: new Set<number>(), forms: new Map<string, number>(), verb };
        e.texts.add(i);
        e.forms.set(t.normal, (e.forms.get(t.normal) ?? 0) + 1);
        byBase.set(base, e);
      }
    }
  });
  return [...byBase.entries()]
    .filter(([, e]) => e.texts.size >= 2 && mostlyRead(e.forms, otherwise))
    .sort((a, b) => b[1].texts.size - a[1].texts.size || a[0].localeCompare(b[0]))
    .slice(0, CANDIDATES)
    .flatMap(([base, e]) => {
      const written = [...e.forms.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
      const form = e.verb && written !== base ? (gerundOf(base, words) ?? written) : written;
      return isLabelWord(form) ? [{ lemma: base, form, texts: e.texts, vector: words.vector(base)! }] : [];
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

/** True when the forms are read as this part of speech at least as often as otherwise. */
function mostlyRead(forms: Map<string, number>, otherwise: Map<string, number>): boolean {
  let [as, other] = [0, 0];
  forms.forEach((n, form) => ((as += n), (other += otherwise.get(form) ?? 0)));
  return as >= other;
}

/** The -ing form of a verb that the table lists and wording reads back as the verb ("pack" → "packing"), or undefined. */
function gerundOf(verb: string, words: WordTable): string | undefined {
  const last = verb[verb.length - 1]!;
  const forms = [`${verb}ing`, verb.endsWith('e') && !verb.endsWith('ee') ? `${verb.slice(0, -1)}ing` : '', `${verb}${last}ing`];
  return forms.find((f) => f && words.rank(f) !== undefined && verbOf(f, words) === verb);
}
