/**
 * Fits the emulator's similarity scale (CALIBRATION in src/emulator/analysis/wordEmbed.ts)
 * to the hosted scores recorded in spec/fixtures/themeCalibration.json: cosines of the
 * emulator's parts (meaning, wording) are combined as m·meaning + w·wording + s with
 * m + w + s = 1 (what unit vectors built of those parts give), least squares.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cosine, createEmbedder } from '../../src/emulator/analysis/embed';
import { baseForms, meaningOf } from '../../src/emulator/analysis/wordEmbed';
import { WordTable } from '../../src/emulator/analysis/WordTable';
import calibration from '../fixtures/themeCalibration.json';

export interface Pair {
  hosted: number;
  meaning: number;
  wording: number;
  related: boolean;
}

/** The recorded (text, label) pairs with the emulator's part cosines. */
export function calibrationPairs(words = new WordTable(readFileSync(join(__dirname, '../../examples/data/wordTable.bin')))): Pair[] {
  const lexical = createEmbedder(0, 3072, false);
  const pairs: Pair[] = [];
  for (const c of calibration.cases) {
    c.texts.forEach((text, i) => {
      c.themes.forEach((label, j) => {
        const a = meaningOf(text, words);
        const b = meaningOf(label, words);
        pairs.push({
          hosted: c.similarity[i]![j]!,
          meaning: a && b ? cosine(a, b) : 0,
          wording: cosine(lexical(baseForms(text, words)), lexical(baseForms(label, words))),
          related: c.related[i]!.includes(j),
        });
      });
    });
  }
  return pairs;
}

/**
 * Least-squares weights of hosted ≈ meaning·m + wording·w + shared. What the three leave of
 * 1 goes to a direction of each text's own (cosine 0 between different texts).
 */
export function fitCalibration(pairs: Pair[]): { meaning: number; wording: number; shared: number } {
  const rows = pairs.map((p) => [p.meaning, p.wording, 1]);
  const y = pairs.map((p) => p.hosted);
  const xtx = [0, 1, 2].map((a) => [0, 1, 2].map((b) => rows.reduce((s, r) => s + r[a]! * r[b]!, 0)));
  const xty = [0, 1, 2].map((a) => rows.reduce((s, r, k) => s + r[a]! * y[k]!, 0));
  const [meaning, wording, shared] = solve3(xtx, xty);
  return { meaning: meaning!, wording: wording!, shared: shared! };
}

function solve3(m: number[][], v: number[]): number[] {
  const a = m.map((row, i) => [...row, v[i]!]);
  for (let c = 0; c < 3; c++) {
    const p = a.slice(c).reduce((best, r, k) => (Math.abs(r[c]!) > Math.abs(a[best]![c]!) ? k + c : best), c);
    [a[c], a[p]] = [a[p]!, a[c]!];
    for (let r = 0; r < 3; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / a[c]![c]!;
      for (let k = c; k < 4; k++) a[r]![k] = a[r]![k]! - f * a[c]![k]!;
    }
  }
  return [0, 1, 2].map((i) => a[i]![3]! / a[i]![i]!);
}

/** A recorded text: its best hosted and emulated scores over its case's labels, and whether a label is related. */
export interface RecordedText {
  hosted: number;
  emulated: number;
  related: boolean;
}

/**
 * The per-text view of the recorded cases, which is what allocation at a threshold sees: a
 * text is allocated when its best score over the labels reaches it. `similarity` gives the
 * emulator's matrix (texts x labels) for one case.
 */
export function recordedTexts(similarity: (texts: string[], labels: string[]) => number[][]): RecordedText[] {
  return calibration.cases.flatMap((c) => {
    const emulated = similarity(c.texts, c.themes);
    return c.texts.map((_, i) => ({
      hosted: Math.max(...c.similarity[i]!),
      emulated: Math.max(...emulated[i]!),
      related: c.related[i]!.length > 0,
    }));
  });
}

/** Root mean square difference of two equally long lists, or of their sorted values (`quantiles`). */
export function rmse(a: number[], b: number[], quantiles = false): number {
  const [x, y] = quantiles ? [[...a].sort((p, q) => p - q), [...b].sort((p, q) => p - q)] : [a, b];
  return Math.sqrt(x.reduce((s, v, i) => s + (v - y[i]!) ** 2, 0) / x.length);
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : NaN;
};
