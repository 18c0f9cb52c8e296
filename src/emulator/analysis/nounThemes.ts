import { cosine, type Embedder } from './embed';
import type { Tagger } from './language';
import { frequentNouns, groupNouns, type Noun } from './nounGroups';
import { isSentimentWord } from './sentiment';
import { frequentVerbsAndAdjectives } from './topicVerbs';
import { isNumeric, STOPWORDS, stem, titleCase, tokenize } from './text';
import { themeBounds, type EmulatedTheme, type ThemeOptions } from './themes';
import { meaningOf } from './wordEmbed';
import type { WordTable } from './WordTable';

/**
 * The SDK's default allocation threshold (DEFAULT_THEME_THRESHOLD, 0.28; the emulator shares
 * no code with the client): themes are chosen so that texts reach it.
 */
export const ALLOCATION_THRESHOLD = 0.28;
/** Texts scored when choosing themes: a fixed stride through larger inputs bounds the work. */
const SCORED_TEXTS = 400;
/** A label names at most this many of its group's nouns ("Food, Drinks & Lunch"). */
const LABEL_WORDS = 3;
/** A group's nouns that may be named: its most covering ones. */
const NAMEABLE = 5;
/** Of those, the ones that lead labels grown from them. */
const LEADERS = 3;
/**
 * Nouns that say how much or when, not what about. Minutes are not among them: texts that
 * count minutes are about waiting ("Estimated 25 minutes, actual 65 minutes"), and name
 * nothing else; hours sit with the times of day ("Hour & Evening") and say when.
 */
const FILLER = new Set(
  `bit lot lots thing things way kind sort part end side couple number time times day days hour hours
  week weeks month months year years people person everyone everything anything nothing something someone one ones
  pound pounds dollar dollars euro euros quid cent cents penny pence`.split(/\s+/),
);
/**
 * Sentiment-lexicon nouns that name what a complaint is about, not how it felt: they may
 * label a theme ("Queue", "Delay"), where "mess" or "disaster" may not.
 */
const TOPIC_NOUNS = new Set(`queue queues wait delay delays bug bugs crash crashes error errors refund refunds complaint complaints`.split(/\s+/));

interface Candidate {
  group: Noun[];
  /** The nouns the label names, most covering first. */
  named: Noun[];
  label: string;
  /** Scored texts whose similarity to the label reaches the allocation threshold. */
  reach: Set<number>;
}

/**
 * Themes from the texts' frequent nouns: nouns grouped by word-vector similarity without
 * chaining ("rides", "coaster", "drop" go together), each group labelled by its one to three
 * most covering nouns, and groups chosen greedily so that the most distinct texts reach the
 * allocation threshold against some label. Texts that share no noun may share a verb or an
 * adjective ("arrived", "packed", "hot"): those group apart and label alike ("Arriving",
 * "Packing", "Hot"). Context words, stop words, numbers and sentiment words never become
 * labels. Undefined when the texts have too few shared nouns: the caller
 * falls back to grouping whole texts.
 */
export function nounThemes(
  inputs: string[],
  options: ThemeOptions,
  language: { tag: Tagger; words: WordTable; embed: Embedder },
): EmulatedTheme[] | undefined {
  const { lo, hi } = themeBounds(options, inputs.length);
  const excluded = excludedWords(options.context);
  const tagged = inputs.map((text) => language.tag.tag(text));
  const labelWord = (w: string) => isLabelWord(w, excluded);
  // Nouns and verbs or adjectives group apart: a label names one part of speech ("Hot", not "Hot & Soup").
  const nouns = frequentNouns(tagged, language.words, labelWord);
  // A word read as a noun too ("order", "pass") is named by the noun.
  const others = frequentVerbsAndAdjectives(tagged, language.words, labelWord).filter(
    (o) => !nouns.some((n) => n.lemma === o.lemma),
  );
  const groups = [...groupNouns(nouns), ...groupNouns(others)];
  const scored = scoredTexts(inputs, language.embed);
  // A theme is shared by two texts at least, and by `prune` percent of them when asked.
  const least = Math.max(2, Math.ceil(((options.prune ?? 0) / 100) * scored.length));
  const chosen = cover(groups, reachCounter(scored, language.embed), { lo, hi, least });
  if (chosen.length < lo) return undefined;
  return chosen.map((c) => describe(c, inputs, language.words, options.context));
}

/** Context words in every form a label could carry them ("parks", "park", "Park"). */
function excludedWords(context: string | undefined): Set<string> {
  const out = new Set<string>();
  for (const w of tokenize(context ?? '')) out.add(w).add(stem(w));
  return out;
}

/** A word that may appear in a label: letters only, no stop, filler, context or sentiment word (topic nouns aside). */
export function isLabelWord(word: string, excluded: Set<string>): boolean {
  // Case-blind: a sentence's capitalised first word ("The") is still a stop word.
  word = word.toLowerCase();
  const plain = /^\p{L}{3,}$/u.test(word) && !STOPWORDS.has(word) && !FILLER.has(word) && !isNumeric(word);
  return plain && !excluded.has(word) && !excluded.has(stem(word)) && (TOPIC_NOUNS.has(word) || !isSentimentWord(word));
}

/** Embeddings of the texts scored (all of them, or a fixed stride through larger inputs). */
function scoredTexts(inputs: string[], embed: Embedder): Float64Array[] {
  const step = Math.max(1, Math.ceil(inputs.length / SCORED_TEXTS));
  return inputs.filter((_, i) => i % step === 0).map(embed);
}

/** Labels scored together: 16 label vectors (384 KB) stay in cache while the texts stream past. */
const BATCH = 16;

/** Scores labels: the scored texts that reach the allocation threshold against each. */
type Reach = (labels: string[]) => Set<number>[];

/**
 * Each label is scored once. Labels are scored in batches, each text against all of a batch
 * in turn: 400 texts of 3,072 dimensions do not fit a cache, so this reads them once a batch.
 */
function reachCounter(scored: Float64Array[], embed: Embedder): Reach {
  const known = new Map<string, Set<number>>();
  return (labels) => {
    const fresh = [...new Set(labels.filter((l) => !known.has(l)))];
    for (let at = 0; at < fresh.length; at += BATCH) {
      const batch = fresh.slice(at, at + BATCH);
      const targets = batch.map(embed);
      const reach = batch.map(() => new Set<number>());
      scored.forEach((v, i) => targets.forEach((t, j) => dot4(v, t) >= ALLOCATION_THRESHOLD && reach[j]!.add(i)));
      batch.forEach((l, j) => known.set(l, reach[j]!));
    }
    return labels.map((l) => known.get(l)!);
  };
}

/**
 * The cosine of two unit vectors in four running sums: independent additions keep the
 * processor busy where one sum waits on each addition (about twice as fast; equal to
 * `cosine` to the last bits).
 */
function dot4(a: Float64Array, b: Float64Array): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const n = a.length - (a.length % 4);
  let i = 0;
  for (; i < n; i += 4) {
    s0 += a[i]! * b[i]!;
    s1 += a[i + 1]! * b[i + 1]!;
    s2 += a[i + 2]! * b[i + 2]!;
    s3 += a[i + 3]! * b[i + 3]!;
  }
  for (; i < a.length; i++) s0 += a[i]! * b[i]!;
  return s0 + s1 + (s2 + s3);
}

/**
 * A group may be labelled by one to three of its nouns: one of its most covering (nameable)
 * nouns, then each time the noun that brings the most texts to the label ("Rides", "Rides &
 * Coasters"). The three most covering nouns each lead labels of their own, so that a label
 * chosen for some of a group's nouns leaves the others theirs. Reach is measured as allocation will
 * measure it.
 */
function labelsOf(group: Noun[], reachOf: Reach): Candidate[] {
  const reaches = reachOf(group.map((noun) => titleCase(noun.form)));
  const singles = group
    .map((noun, k) => ({ noun, k, reach: reaches[k]! }))
    .sort((a, b) => b.reach.size - a.reach.size || a.k - b.k)
    .slice(0, NAMEABLE);
  const out: Candidate[] = [];
  for (const first of singles.slice(0, LEADERS)) {
    let last: Candidate = { group, named: [first.noun], label: labelOf([first.noun]), reach: first.reach };
    out.push(last);
    while (last.named.length < LABEL_WORDS) {
      const options = singles
        .filter(({ noun }) => !last.named.some((n) => n.lemma.includes(noun.lemma) || noun.lemma.includes(n.lemma)))
        .map(({ noun }) => [...last.named, noun]);
      const reach = reachOf(options.map(labelOf));
      let next: Candidate | undefined;
      options.forEach((named, k) => {
        if (reach[k]!.size > (next ?? last).reach.size) next = { group, named, label: labelOf(named), reach: reach[k]! };
      });
      if (!next) break;
      out.push((last = next));
    }
  }
  return out;
}

/** "Rides", "Rides & Coasters", "Rides, Coasters & Drops". */
function labelOf(named: Noun[]): string {
  const forms = named.map((n) => titleCase(n.form));
  return forms.length < 2 ? forms[0]! : `${forms.slice(0, -1).join(', ')} & ${forms[forms.length - 1]}`;
}

/**
 * Greedy maximum coverage: each pick is the label that brings the most not-yet-covered texts
 * to the allocation threshold (the shorter label on a tie). A pick takes the nouns it names:
 * the rest of its group ("Train" after "Bus, Car & Taxi") is labelled again and stays in the
 * running. At least lo picks, at most hi; past lo, a pick must bring `least` texts (the
 * themes under it are pruned).
 */
function cover(
  groups: Noun[][],
  reachOf: Reach,
  { lo, hi, least }: { lo: number; hi: number; least: number },
): Candidate[] {
  reachOf(groups.flat().map((n) => titleCase(n.form))); // every single-noun label, in full batches
  let all = groups.flatMap((g) => labelsOf(g, reachOf));
  const chosen: Candidate[] = [];
  const covered = new Set<number>();
  while (chosen.length < hi) {
    let best: Candidate | undefined;
    let bestGain = -1;
    for (const c of all) {
      let gain = 0;
      c.reach.forEach((t) => (gain += covered.has(t) ? 0 : 1));
      if (gain > bestGain) [best, bestGain] = [c, gain];
    }
    if (!best || (bestGain < least && chosen.length >= lo)) break;
    chosen.push(best);
    best.reach.forEach((t) => covered.add(t));
    const { group, named } = best;
    const rest = group.filter((n) => !named.includes(n));
    all = all.filter((c) => c.group !== group).concat(rest.length ? labelsOf(rest, reachOf) : []);
  }
  return chosen;
}

function describe({ group, named, label: shortLabel }: Candidate, inputs: string[], words: WordTable, context: string | undefined): EmulatedTheme {
  const top = named.map((n) => n.form);
  const all = [...top, ...group.filter((n) => !named.includes(n)).map((n) => n.form)].slice(0, 5);
  const texts = new Set(group.flatMap((n) => [...n.texts]));
  // Representatives: the members nearest the label in meaning (100-d vectors: cheap).
  const target = meaningOf(shortLabel, words)!;
  const near = (text: string) => {
    const m = meaningOf(text, words);
    return m ? cosine(m, target) : -1;
  };
  const reps = [...texts]
    .sort((a, b) => a - b)
    .map((i) => ({ t: inputs[i]!, s: near(inputs[i]!) }))
    .sort((a, b) => b.s - a.s || a.t.localeCompare(b.t))
    .slice(0, 2)
    .map((r) => r.t);
  while (reps.length < 2) reps.push(reps[0] ?? inputs[0]!);
  return {
    shortLabel,
    label: `${titleCase(top[0]!)}: comments about ${all.join(', ')}`,
    description: `${texts.size} of ${inputs.length} responses talk about ${all.join(', ')}${context ? `, read with the focus "${context}"` : ''}.`,
    representatives: reps,
  };
}
