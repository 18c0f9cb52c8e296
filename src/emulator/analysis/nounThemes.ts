import { cosine } from './embed';
import type { Tagger } from './language';
import { isSentimentWord } from './sentiment';
import { STOPWORDS, stem, titleCase, tokenize } from './text';
import type { EmulatedTheme, ThemeOptions } from './themes';
import { meaningOf } from './wordEmbed';
import { unit, type WordTable } from './WordTable';

/** Two nouns closer than this (cosine of centred GloVe vectors) belong to one theme. */
export const GROUPING_SIMILARITY = 0.45;
/** Nouns considered: the most frequent ones, each in at least two texts. */
const CANDIDATES = 80;

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
export function nounThemes(inputs: string[], options: ThemeOptions, tag: Tagger, words: WordTable): EmulatedTheme[] | undefined {
  const lo = Math.max(1, options.minThemes ?? 1);
  const hi = Math.max(lo, Math.min(options.maxThemes ?? 8, inputs.length));
  const nouns = frequentNouns(inputs, tag, words, excludedWords(options.context));
  const groups = groupNouns(nouns);
  const chosen = cover(groups, lo, hi);
  if (chosen.length < lo) return undefined;
  return chosen.map((g) => describe(g, inputs, words, options.context));
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
        const lemma = t.lemma.toLowerCase();
        const form = t.normal;
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

/** A word that may appear in a label: letters only, no stop, context or sentiment word. */
export function isLabelWord(word: string, excluded: Set<string>): boolean {
  return /^\p{L}{3,}$/u.test(word) && !STOPWORDS.has(word) && !excluded.has(word) && !excluded.has(stem(word)) && !isSentimentWord(word);
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

/** Greedy set cover: each pick adds the most texts not yet covered (at least lo picks, at most hi). */
function cover(groups: Group[], lo: number, hi: number): Group[] {
  const chosen: Group[] = [];
  const covered = new Set<number>();
  const left = [...groups];
  while (chosen.length < hi && left.length) {
    const gain = (g: Group) => [...g.texts].filter((t) => !covered.has(t)).length;
    left.sort((a, b) => gain(b) - gain(a) || b.texts.size - a.texts.size || a.nouns[0]!.lemma.localeCompare(b.nouns[0]!.lemma));
    const next = left.shift()!;
    if (gain(next) < 2 && chosen.length >= lo) break;
    chosen.push(next);
    next.texts.forEach((t) => covered.add(t));
  }
  return chosen;
}

function describe(g: Group, inputs: string[], words: WordTable, context: string | undefined): EmulatedTheme {
  const top = g.nouns.slice(0, 2).map((n) => n.form);
  const all = g.nouns.slice(0, 5).map((n) => n.form);
  const shortLabel = titleCase(top.join(' & '));
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
