import { cosine, type Embedder } from './embed';
import type { Tagger } from './language';
import { isSentimentWord } from './sentiment';
import { isNumeric, STOPWORDS, stem, titleCase, tokenize } from './text';
import type { EmulatedTheme, ThemeOptions } from './themes';
import { meaningOf } from './wordEmbed';
import { unit, type WordTable } from './WordTable';

/** Two nouns closer than this (cosine of centred GloVe vectors) belong to one theme. */
export const GROUPING_SIMILARITY = 0.45;
/** Nouns considered: the most frequent ones, each in at least two texts. */
const CANDIDATES = 80;
/**
 * The SDK's default allocation threshold (DEFAULT_THEME_THRESHOLD, 0.28; the emulator shares
 * no code with the client): themes are chosen so that texts reach it.
 */
export const ALLOCATION_THRESHOLD = 0.28;
/** Texts scored when choosing themes: a fixed stride through larger inputs bounds the work. */
const SCORED_TEXTS = 400;
/** Nouns that say how much or when, not what about. */
const FILLER = new Set(
  `bit lot lots thing things way kind sort part end side couple number time times day days minute minutes hour hours
  week weeks month months year years people person everyone everything anything nothing something someone one ones
  pound pounds dollar dollars euro euros quid cent cents penny pence`.split(/\s+/),
);
/**
 * Sentiment-lexicon nouns that name what a complaint is about, not how it felt: they may
 * label a theme ("Queue", "Delay"), where "mess" or "disaster" may not.
 */
const TOPIC_NOUNS = new Set(`queue queues wait delay delays bug bugs crash crashes error errors`.split(/\s+/));

interface Noun {
  lemma: string;
  /** Its most frequent written form ("rides" for "ride"). */
  form: string;
  texts: Set<number>;
  vector: Float64Array;
}
interface Group {
  nouns: Noun[];
  centre: Float64Array;
  texts: Set<number>;
}

/**
 * Themes from the texts' frequent nouns, grouped by word-vector similarity ("rides",
 * "coaster", "drop" go together), chosen greedily to cover the most texts, labelled by
 * their two most frequent nouns. Context words, stop words, numbers and sentiment words
 * never become labels. Undefined when the texts have too few shared nouns: the caller
 * falls back to grouping whole texts.
 */
export function nounThemes(
  inputs: string[],
  options: ThemeOptions,
  language: { tag: Tagger; words: WordTable; embed: Embedder },
): EmulatedTheme[] | undefined {
  const lo = Math.max(1, options.minThemes ?? 1);
  const hi = Math.max(lo, Math.min(options.maxThemes ?? 8, inputs.length));
  const nouns = frequentNouns(inputs, language.tag, language.words, excludedWords(options.context));
  const groups = groupNouns(nouns);
  const chosen = cover(candidates(groups), inputs, language.embed, lo, hi);
  if (chosen.length < lo) return undefined;
  return chosen.map((c) => describe(c, inputs, language.words, options.context));
}

/** Context words in every form a label could carry them ("parks", "park", "Park"). */
function excludedWords(context: string | undefined): Set<string> {
  const out = new Set<string>();
  for (const w of tokenize(context ?? '')) out.add(w).add(stem(w));
  return out;
}

function frequentNouns(inputs: string[], tag: Tagger, words: WordTable, excluded: Set<string>): Noun[] {
  const byLemma = new Map<string, { texts: Set<number>; forms: Map<string, number> }>();
  inputs.forEach((text, i) => {
    for (const s of tag.tag(text)) {
      for (const t of s.tokens) {
        if (t.pos !== 'NOUN' && t.pos !== 'PROPN') continue;
        // Keyed by the singular the word table knows (wink's lemma turns "app" into "application").
        const form = t.normal;
        const lemma = form.endsWith('s') && words.rank(form.slice(0, -1)) !== undefined ? form.slice(0, -1) : form;
        if (!isLabelWord(lemma, excluded) || !isLabelWord(form, excluded) || !words.vector(lemma)) continue;
        const e = byLemma.get(lemma) ?? { texts: new Set<number>(), forms: new Map<string, number>() };
        e.texts.add(i);
        e.forms.set(form, (e.forms.get(form) ?? 0) + 1);
        byLemma.set(lemma, e);
      }
    }
  });
  return [...byLemma.entries()]
    .filter(([, e]) => e.texts.size >= 2)
    .sort((a, b) => b[1].texts.size - a[1].texts.size || a[0].localeCompare(b[0]))
    .slice(0, CANDIDATES)
    .map(([lemma, e]) => ({
      lemma,
      form: [...e.forms.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0],
      texts: e.texts,
      vector: words.vector(lemma)!,
    }));
}

/** A word that may appear in a label: letters only, no stop, filler, context or sentiment word (topic nouns aside). */
export function isLabelWord(word: string, excluded: Set<string>): boolean {
  // Case-blind: a sentence's capitalised first word ("The") is still a stop word.
  word = word.toLowerCase();
  const plain = /^\p{L}{3,}$/u.test(word) && !STOPWORDS.has(word) && !FILLER.has(word) && !isNumeric(word);
  return plain && !excluded.has(word) && !excluded.has(stem(word)) && (TOPIC_NOUNS.has(word) || !isSentimentWord(word));
}

/** Most frequent nouns first, each joins the most similar group above the bar, else starts one. */
function groupNouns(nouns: Noun[]): Group[] {
  const groups: Group[] = [];
  for (const n of nouns) {
    let best: Group | undefined;
    let bestScore = GROUPING_SIMILARITY;
    for (const g of groups) {
      const s = cosine(unit(Float64Array.from(g.centre)), n.vector);
      if (s >= bestScore) [best, bestScore] = [g, s];
    }
    if (!best) {
      groups.push({ nouns: [n], centre: n.vector.map((x) => x * n.texts.size), texts: new Set(n.texts) });
      continue;
    }
    best.nouns.push(n);
    n.vector.forEach((x, d) => (best.centre[d] = best.centre[d]! + x * n.texts.size));
    n.texts.forEach((t) => best.texts.add(t));
  }
  return groups;
}

interface Candidate {
  group: Group;
  label: string;
}

/** Each group may be labelled by its first noun or its first two. */
function candidates(groups: Group[]): Candidate[] {
  return groups.flatMap((group) => {
    const [a, b] = group.nouns.map((n) => n.form);
    const one = { group, label: titleCase(a!) };
    return b ? [one, { group, label: titleCase(`${a} & ${b}`) }] : [one];
  });
}

/**
 * Greedy cover: each pick is the label that brings the most not-yet-covered texts to the
 * allocation threshold (one label per group; at least lo picks, at most hi).
 */
function cover(all: Candidate[], inputs: string[], embed: Embedder, lo: number, hi: number): Candidate[] {
  const step = Math.max(1, Math.ceil(inputs.length / SCORED_TEXTS));
  const scored = inputs.filter((_, i) => i % step === 0).map(embed);
  const reach = all.map((c) => {
    const target = embed(c.label);
    return new Set(scored.flatMap((v, i) => (cosine(v, target) >= ALLOCATION_THRESHOLD ? [i] : [])));
  });
  const chosen: Candidate[] = [];
  const covered = new Set<number>();
  const used = new Set<Group>();
  while (chosen.length < hi) {
    let best = -1;
    let bestGain = -1;
    all.forEach((c, k) => {
      if (used.has(c.group)) return;
      let gain = 0;
      reach[k]!.forEach((t) => (gain += covered.has(t) ? 0 : 1));
      if (gain > bestGain) [best, bestGain] = [k, gain];
    });
    if (best < 0 || (bestGain < 2 && chosen.length >= lo)) break;
    chosen.push(all[best]!);
    used.add(all[best]!.group);
    reach[best]!.forEach((t) => covered.add(t));
  }
  return chosen;
}

function describe({ group: g, label: shortLabel }: Candidate, inputs: string[], words: WordTable, context: string | undefined): EmulatedTheme {
  const top = g.nouns.slice(0, 2).map((n) => n.form);
  const all = g.nouns.slice(0, 5).map((n) => n.form);
  // Representatives: the members nearest the label in meaning (100-d vectors: cheap).
  const target = meaningOf(shortLabel, words)!;
  const near = (text: string) => {
    const m = meaningOf(text, words);
    return m ? cosine(m, target) : -1;
  };
  const reps = [...g.texts]
    .map((i) => ({ t: inputs[i]!, s: near(inputs[i]!) }))
    .sort((a, b) => b.s - a.s || a.t.localeCompare(b.t))
    .slice(0, 2)
    .map((r) => r.t);
  while (reps.length < 2) reps.push(reps[0] ?? inputs[0]!);
  return {
    shortLabel,
    label: `${titleCase(top[0]!)}: comments about ${all.join(', ')}`,
    description: `${g.texts.size} of ${inputs.length} responses talk about ${all.join(', ')}${context ? `, read with the focus "${context}"` : ''}.`,
    representatives: reps,
  };
}
