import type { TaggedSentence, Token } from './language';
import { baseForm } from './wordEmbed';
import type { WordTable } from './WordTable';

/**
 * Nouns share a group only when every two of them are at least this similar (cosine of
 * centred GloVe vectors): "entrance" and "gate" (0.72) do, "hotel" and "lunch" do not,
 * however many nouns sit between them.
 */
export const GROUPING_SIMILARITY = 0.45;
/** Nouns considered: the most frequent ones, each in at least two texts. */
const CANDIDATES = 120;

export interface Noun {
  lemma: string;
  /** Its most frequent written form ("rides" for "ride"). */
  form: string;
  texts: Set<number>;
  vector: Float64Array;
}

/** A word of the texts counted by `frequentWords`: its key, the texts it is in, its written forms. */
export interface CountedWord<X> {
  key: string;
  texts: Set<number>;
  /** Its commonest written form (ties: alphabetical). */
  commonest: string;
  /** What `keyOf` said of its first occurrence. */
  extra: X;
}

/**
 * Words of the texts (each text's tagged sentences) whose part of speech `accepts` takes,
 * keyed by `keyOf` (`undefined`: not counted), in at least two texts and read as that part
 * of speech at least as often as otherwise, most texts first (ties: alphabetical), at most `limit`.
 */
export function frequentWords<X>(
  tagged: TaggedSentence[][],
  accepts: (t: Token) => boolean,
  keyOf: (t: Token) => { key: string; extra: X } | undefined,
  limit: number,
): CountedWord<X>[] {
  const byKey = new Map<string, { texts: Set<number>; forms: Map<string, number>; extra: X }>();
  // How often each written form is read as something else ("free" in "gluten free" is an adjective).
  const otherwise = new Map<string, number>();
  tagged.forEach((doc, i) => {
    for (const s of doc) {
      for (const t of s.tokens) {
        if (!accepts(t)) {
          otherwise.set(t.normal, (otherwise.get(t.normal) ?? 0) + 1);
          continue;
        }
        const k = keyOf(t);
        if (!k) continue;
        const e = byKey.get(k.key) ?? { texts: new Set<number>(), forms: new Map<string, number>(), extra: k.extra };
        e.texts.add(i);
        e.forms.set(t.normal, (e.forms.get(t.normal) ?? 0) + 1);
        byKey.set(k.key, e);
      }
    }
  });
  return [...byKey.entries()]
    .filter(([, e]) => e.texts.size >= 2 && mostlyRead(e.forms, otherwise))
    .sort((a, b) => b[1].texts.size - a[1].texts.size || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([key, e]) => ({
      key,
      texts: e.texts,
      commonest: [...e.forms.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0],
      extra: e.extra,
    }));
}

/** True when the forms are read as the part of speech counted at least as often as otherwise. */
function mostlyRead(forms: Map<string, number>, otherwise: Map<string, number>): boolean {
  let [as, other] = [0, 0];
  forms.forEach((n, form) => ((as += n), (other += otherwise.get(form) ?? 0)));
  return as >= other;
}

/**
 * Nouns of the texts (each text's tagged sentences), keyed by the singular the word table
 * knows, in at least two texts, most frequent first.
 */
export function frequentNouns(tagged: TaggedSentence[][], words: WordTable, isLabelWord: (w: string) => boolean): Noun[] {
  const isNoun = (t: Token) => t.pos === 'NOUN' || t.pos === 'PROPN';
  // wink's lemma turns "app" into "application": the table's singular ("boxes" -> "box", as
  // the embeddings read it) is kinder to labels.
  const keyOf = (t: Token) => {
    const lemma = baseForm(t.normal, words) ?? t.normal;
    return isLabelWord(lemma) && isLabelWord(t.normal) && words.vector(lemma) ? { key: lemma, extra: undefined } : undefined;
  };
  return frequentWords(tagged, isNoun, keyOf, CANDIDATES).map((w) => ({ lemma: w.key, form: w.commonest, texts: w.texts, vector: words.vector(w.key)! }));
}

/**
 * Complete-linkage grouping: the two closest groups merge while every noun of one is at least
 * `bar` similar to every noun of the other. Joining a growing centre, as the first version
 * did, chains ("hotel", "lunch", "gate", "lockers" in one group through their neighbours);
 * here no two nouns of a group are far apart. How many texts a noun covers counts later, when
 * themes are chosen by coverage. Groups keep their nouns most frequent first and come in the
 * order of their most frequent noun.
 */
export function groupNouns(nouns: Noun[], bar = GROUPING_SIMILARITY): Noun[][] {
  const n = nouns.length;
  const members: (number[] | undefined)[] = nouns.map((_, i) => [i]);
  // Similarity of two groups: that of their least similar pair of nouns.
  const sim = nouns.map((a) => nouns.map((b) => dot(a.vector, b.vector)));
  for (;;) {
    let [bi, bj, best] = [-1, -1, bar];
    for (let i = 0; i < n; i++) {
      if (!members[i]) continue;
      for (let j = i + 1; j < n; j++) if (members[j] && sim[i]![j]! >= best) [bi, bj, best] = [i, j, sim[i]![j]!];
    }
    if (bi < 0) break;
    // The merged group stays at index bi.
    for (let k = 0; k < n; k++) if (members[k] && k !== bi && k !== bj) sim[bi]![k] = sim[k]![bi] = Math.min(sim[bi]![k]!, sim[bj]![k]!);
    members[bi] = [...members[bi]!, ...members[bj]!].sort((a, b) => a - b);
    members[bj] = undefined;
  }
  return members.flatMap((m) => (m ? [m.map((i) => nouns[i]!)] : []));
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
