import type { Embedder } from './embed';
import { cosine } from './embed';
import { kmeans } from './kmeans';
import { isSentimentWord } from './sentiment';
import { contentWords, isNumeric, STOPWORDS, stem, titleCase, tokenize } from './text';

export interface EmulatedTheme {
  shortLabel: string;
  label: string;
  description: string;
  representatives: string[];
}

export interface ThemeOptions {
  minThemes?: number;
  maxThemes?: number;
  context?: string;
  /** Percentage (0-25) of the texts below which a theme is pruned; 0 or absent: no cutoff. */
  prune?: number;
}

/**
 * At most this many themes when the request sets no `maxThemes`. The spec documents no
 * default, only this maximum (`maxThemes <= 50`), and the vendor's Python and TypeScript SDKs
 * send 50 when their caller gives none: the service decides how many within it.
 */
export const DEFAULT_MAX_THEMES = 50;

/** The least and the most themes a request allows (never more than there are inputs). */
export function themeBounds(options: ThemeOptions, inputs: number): { lo: number; hi: number } {
  const lo = Math.max(1, options.minThemes ?? 1);
  return { lo, hi: Math.max(lo, Math.min(options.maxThemes ?? DEFAULT_MAX_THEMES, inputs)) };
}

/**
 * Themes by grouping: k-means on the embeddings (k from the input size, within
 * minThemes/maxThemes), labels from each group's most distinctive words, the two texts
 * nearest the group's centre as representatives. `context` words never label a theme.
 */
export function generateThemes(inputs: string[], options: ThemeOptions, embed: Embedder, seed: number): EmulatedTheme[] {
  const { lo, hi } = themeBounds(options, inputs.length);
  const k = Math.min(hi, Math.max(lo, Math.round(Math.sqrt(inputs.length / 2)) || 1), inputs.length);
  const vectors = inputs.map(embed);
  const assign = kmeans(vectors, k, seed);
  const contextWords = new Set(contentWords(options.context ?? '').map(stem));
  const overall = countStems(inputs);
  const themes: EmulatedTheme[] = [];
  for (let c = 0; c < k; c++) {
    const members = inputs.map((t, i) => ({ t, i })).filter((m) => assign[m.i] === c);
    if (!members.length) continue;
    const counts = countStems(members.map((m) => m.t));
    const terms = [...counts.entries()]
      // The context is what every text is about: its words would label every theme alike.
      .filter(([s, { n, word }]) => (members.length < 3 || n >= 2) && !contextWords.has(s) && !isNumeric(word))
      .map(([s, { n, word }]) => ({
        word,
        // Topic words over sentiment words.
        score: (n / members.length) * Math.log(1 + inputs.length / (overall.get(s)?.n ?? 1)) * (isSentimentWord(word) ? 0.1 : 1),
      }))
      .sort((a, b) => b.score - a.score || a.word.localeCompare(b.word));
    // Label by topic: sentiment words only when the group has nothing else in common.
    const topical = terms.filter((t) => !isSentimentWord(t.word));
    const chosen = (topical.length ? topical : terms).slice(0, 3).map((x) => x.word);
    // Nothing shared: the group's first topic word (never a stop, context, number or sentiment word).
    const fallback = members
      .flatMap((m) => contentWords(m.t))
      .find((w) => w.length > 2 && !contextWords.has(stem(w)) && !isNumeric(w) && !isSentimentWord(w));
    const top = chosen.length ? chosen : [fallback ?? 'general'];
    const centre = vectors[members[0]!.i]!.map((_, d) => members.reduce((s, m) => s + vectors[m.i]![d]!, 0));
    const ranked = members
      .map((m) => ({ t: m.t, s: cosine(vectors[m.i]!, centre) }))
      .sort((a, b) => b.s - a.s || a.t.localeCompare(b.t));
    const reps = ranked.slice(0, 2).map((r) => r.t);
    if (reps.length < 2) {
      // A one-member theme borrows the nearest other input as its second representative.
      const nearest = inputs
        .map((t, i) => ({ t, s: i === members[0]!.i ? -Infinity : cosine(vectors[i]!, vectors[members[0]!.i]!) }))
        .sort((a, b) => b.s - a.s)[0];
      reps.push(nearest && nearest.s > -Infinity ? nearest.t : reps[0]!);
    }
    themes.push({
      shortLabel: titleCase(top.slice(0, 2).join(' & ')),
      label: `${titleCase(top[0]!)}: comments about ${top.join(', ')}`,
      description: `${members.length} of ${inputs.length} responses talk about ${top.join(', ')}${
        options.context ? `, read with the focus "${options.context}"` : ''
      }.`,
      representatives: reps,
    });
  }
  return themes;
}

function countStems(texts: string[]): Map<string, { n: number; word: string }> {
  const out = new Map<string, { n: number; word: string }>();
  for (const t of texts) {
    for (const w of new Set(tokenize(t).filter((x) => !STOPWORDS.has(x) && x.length > 2))) {
      const s = stem(w);
      const e = out.get(s);
      if (e) e.n++;
      else out.set(s, { n: 1, word: w });
    }
  }
  return out;
}
