/**
 * Figures of the emulator's answers on a labelled set: sentiment agreement with the labels,
 * the share of texts no theme takes at the SDK's default threshold, label rule breaks and
 * theme purity. Shared by `npm run eval:emulator` and the analysis specs.
 */
import { DEFAULT_THEME_THRESHOLD } from '../../src/operators/themeScores';
import type { Analyst } from '../../src/emulator/analyze';
import { isNumeric, STOPWORDS, stem, tokenize } from '../../src/emulator/analysis/text';

export interface LabelledSet {
  about: string;
  context: string;
  items: { text: string; sentiment: string; theme: string }[];
}

export interface Figures {
  sentimentAgreement: number;
  noThemeShare: number;
  /** Labels made of the context's words, stop words or numbers. */
  badLabels: string[];
  /** Share of allocated texts whose theme's majority gold theme is their own. */
  purity: number;
  labels: string[];
  /** Each text's best similarity over the labels (allocated when at least the threshold). */
  bestScores: number[];
}

/** Runs sentiment, themes and allocation (similarity to short labels) on the set. */
export function measure(analyst: Analyst, set: LabelledSet, threshold = DEFAULT_THEME_THRESHOLD): Figures {
  const texts = set.items.map((i) => i.text);
  const results = analyst.run('sentiment', { inputs: texts }).results as { sentiment: string }[];
  const agree = results.filter((r, i) => r.sentiment === set.items[i]!.sentiment).length;
  const themes = analyst.run('themes', { inputs: texts, context: set.context }).themes as { shortLabel: string }[];
  const labels = themes.map((t) => t.shortLabel);
  const sim = analyst.run('similarity', { set_a: texts, set_b: labels }) as { matrix: number[][] };
  const best = sim.matrix.map((row) => {
    let at = -1;
    row.forEach((s, j) => {
      if (s >= threshold && (at < 0 || s > row[at]!)) at = j;
    });
    return at;
  });
  const byTheme = new Map<number, Map<string, number>>();
  best.forEach((t, i) => {
    if (t < 0) return;
    const gold = byTheme.get(t) ?? new Map<string, number>();
    gold.set(set.items[i]!.theme, (gold.get(set.items[i]!.theme) ?? 0) + 1);
    byTheme.set(t, gold);
  });
  const allocated = best.filter((t) => t >= 0).length;
  const majority = [...byTheme.values()].reduce((s, m) => s + Math.max(...m.values()), 0);
  return {
    sentimentAgreement: agree / texts.length,
    noThemeShare: (texts.length - allocated) / texts.length,
    badLabels: labels.filter((l) => breaksLabelRules(l, set.context)),
    purity: allocated ? majority / allocated : 0,
    labels,
    bestScores: sim.matrix.map((row) => Math.max(...row)),
  };
}

/** True when a label has a word of the context, a stop word or a number. */
export function breaksLabelRules(label: string, context: string): boolean {
  const ctx = new Set(tokenize(context).flatMap((w) => [w, stem(w)]));
  return tokenize(label).some((w) => ctx.has(w) || ctx.has(stem(w)) || STOPWORDS.has(w) || isNumeric(w));
}
