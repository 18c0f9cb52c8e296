import { createEmbedder, DIMENSIONS, type Embedder } from './embed';
import { isSentimentWord } from './sentiment';
import { hash32, prng, STOPWORDS, tokenize } from './text';

/** Makes a uniform(-0.5, 0.5) vector of 3072 dimensions about unit length (1/sqrt(dims/12)). */
const OWN_SCALE = Math.sqrt(12 / DIMENSIONS);
import { unit, type WordTable } from './WordTable';

/**
 * How much of a text's embedding is meaning (word vectors), wording (hashed words and
 * character trigrams), a direction every text shares, and (the rest) a direction of the
 * text's own. Cosines then combine as meaning·cos(meanings) + wording·cos(wordings) + shared,
 * which sets the similarity scale. Fitted (least squares) to the hosted scores of texts
 * against short theme labels recorded in spec/fixtures/themeCalibration.json (related pairs
 * there: median 0.35 hosted, 0.35 here; unrelated 0.15 and 0.16). Per text (best label, what
 * allocation at a threshold sees) the recorded texts come out alike too: 30 of 42 under 0.28,
 * hosted 27, none without a related label over it. `npm run eval:emulator` prints both.
 */
export const CALIBRATION = { meaning: 0.197, wording: 0.417, shared: 0.127 };

/**
 * Embeddings from the word table: the SIF-weighted mean of a text's word vectors (frequent
 * words weigh less, sentiment words half), spread over `dims` dimensions by a fixed
 * orthonormal projection (cosines are kept exactly), mixed with the built-in hashed
 * embedding so that words the table lacks still count. Unit length, deterministic per seed.
 */
export function createWordEmbedder(words: WordTable, seed: number, dims = DIMENSIONS, calibration = CALIBRATION): Embedder {
  const lexical = createEmbedder(seed, dims, false);
  const project = projection(words.dims, dims, seed);
  const r = prng(seed ^ 0x2545f491);
  const shared = unit(Float64Array.from({ length: dims }, () => r() - 0.5));
  const { meaning: m, wording: w, shared: s } = calibration;
  const [a, b, c, d] = [m, w, s, Math.max(0, 1 - m - w - s)].map(Math.sqrt) as [number, number, number, number];
  return (text) => {
    const meaning = meaningOf(text, words);
    const wording = lexical(baseForms(text, words));
    const own = prng(hash32(text, seed ^ 0x1b873593));
    const out = new Float64Array(dims);
    // Without known words the meaning part is missing: its share goes to the text's own direction.
    const o = meaning ? d : Math.sqrt(d * d + a * a);
    for (let i = 0; i < dims; i++) out[i] = b * wording[i]! + c * shared[i]! + o * (own() - 0.5) * OWN_SCALE;
    if (meaning) {
      for (let k = 0; k < words.dims; k++) {
        const m = a * meaning[k]!;
        if (!m) continue;
        const col = project[k]!;
        for (let i = 0; i < dims; i++) out[i] = out[i]! + m * col[i]!;
      }
    }
    return unit(out);
  };
}

/**
 * The text's words in the form the word table lists ("rides" → "ride", "stories" → "story"),
 * unknown words as written: hashed wording then counts "ride" and "rides" as one word, as a
 * hosted model's embeddings do (a short label like "Rides" scores alike against either).
 */
export function baseForms(text: string, words: WordTable): string {
  return tokenize(text)
    .map((w) => wordingForm(w, words) ?? parts(w, words)?.map((p) => wordingForm(p, words) ?? p).join(' ') ?? w)
    .join(' ');
}

/** The form wording reads a word as: its verb ("packed" → "pack"), else its base form. */
function wordingForm(w: string, words: WordTable): string | undefined {
  return verbOf(w, words) ?? baseForm(w, words);
}

/**
 * The table's singular of a plural ("rides" → "ride", "boxes" → "box"), the word itself, the
 * verb of a past or -ing form the table lacks, or undefined.
 */
export function baseForm(w: string, words: WordTable): string | undefined {
  if (words.rank(w) !== undefined && (!w.endsWith('s') || NOT_PLURALS.has(w))) return w;
  if (w.length > 4 && w.endsWith('ies') && words.rank(`${w.slice(0, -3)}y`) !== undefined) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && words.rank(w.slice(0, -1)) !== undefined) return w.slice(0, -1);
  if (w.length > 4 && /(?:ch|sh|x|ss)es$/.test(w) && words.rank(w.slice(0, -2)) !== undefined) return w.slice(0, -2);
  if (words.rank(w) !== undefined) return w;
  return verbOf(w, words);
}

/** Words that end like a plural but are not one ("news" is not "new"s). */
const NOT_PLURALS = new Set(['news', 'series', 'species', 'means', 'physics', 'politics', 'economics', 'lens', 'bus', 'gas', 'plus', 'always', 'perhaps']);

/** Words that end like a verb form but are not one ("evening" is not "even" + "ing"). */
const NOT_VERB_FORMS = new Set(['evening', 'morning', 'nothing', 'something', 'anything', 'everything', 'during', 'ceiling', 'wedding', 'building', 'darling']);

/**
 * The verb of a past or -ing form, when the table has the verb, even where it lists the form
 * too ("waited" → "wait", "packing" → "pack", "stopped" → "stop", "queued" → "queue"), or
 * undefined: wording then reads a label "Packing" and a text's "packed" as one word, as it
 * reads "ride" and "rides".
 */
export function verbOf(w: string, words: WordTable): string | undefined {
  if (w.length < 6 || NOT_VERB_FORMS.has(w)) return undefined;
  const stem = w.endsWith('ed') ? w.slice(0, -2) : w.endsWith('ing') ? w.slice(0, -3) : undefined;
  // A stem without a vowel is no verb ("string" is not "str" + "ing").
  if (!stem || !/[aeiouy]/.test(stem)) return undefined;
  const doubled = stem.length > 3 && /([^aeiouylsfz])\1$/.test(stem) ? [stem.slice(0, -1)] : [];
  // The commonest reading: "cooked" is "cook", not the name "Cooke"; "tasted" is "taste".
  let best: string | undefined;
  for (const x of [...doubled, `${stem}e`, stem]) {
    const r = x.length > 2 ? words.rank(x) : undefined;
    if (r !== undefined && (best === undefined || r < words.rank(best)!)) best = x;
  }
  return best;
}

/**
 * A closed compound the table lacks, as the two words it is made of ("rollercoasters" →
 * "roller", "coasters"; the longest known first part wins), or undefined.
 */
function parts(w: string, words: WordTable): [string, string] | undefined {
  if (w.length < 7 || /\d/.test(w)) return undefined;
  for (let i = w.length - 3; i >= 3; i--) {
    const [a, b] = [w.slice(0, i), w.slice(i)];
    if (words.rank(a) !== undefined && (words.rank(b) !== undefined || baseForm(b, words))) return [a, b];
  }
  return undefined;
}

/**
 * The unit SIF-weighted mean word vector of a text (a closed compound the table lacks counts
 * as its two words), or undefined when it has no known word.
 */
export function meaningOf(text: string, words: WordTable): Float64Array | undefined {
  const sum = new Float64Array(words.dims);
  let any = false;
  for (const t of tokenize(text)) {
    if (STOPWORDS.has(t) || /\d/.test(t)) continue;
    for (const w of words.rank(t) === undefined && !baseForm(t, words) ? (parts(t, words) ?? [t]) : [t]) {
      const form = words.rank(w) !== undefined ? w : w.endsWith('s') && words.rank(w.slice(0, -1)) !== undefined ? w.slice(0, -1) : undefined;
      if (!form) continue;
      const rank = words.rank(form)!;
      const weight = ((rank + 1) / (rank + 101)) * (isSentimentWord(w) ? 0.5 : 1);
      const v = words.vector(form)!;
      for (let d = 0; d < v.length; d++) sum[d] = sum[d]! + weight * v[d]!;
      any = true;
    }
  }
  return any ? unit(sum) : undefined;
}

/** `k` orthonormal vectors of `dims` dimensions (Gram-Schmidt on seeded noise). */
function projection(k: number, dims: number, seed: number): Float64Array[] {
  const r = prng(seed ^ 0x68e31da4);
  const cols: Float64Array[] = [];
  for (let j = 0; j < k; j++) {
    const v = Float64Array.from({ length: dims }, () => r() - 0.5);
    for (const c of cols) {
      let dot = 0;
      for (let i = 0; i < dims; i++) dot += v[i]! * c[i]!;
      for (let i = 0; i < dims; i++) v[i] = v[i]! - dot * c[i]!;
    }
    cols.push(unit(v));
  }
  return cols;
}
