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
 * there: median 0.35 hosted, 0.36 here; unrelated 0.15 and 0.16): `npm run eval:emulator`
 * prints the fit.
 */
export const CALIBRATION = { meaning: 0.179, wording: 0.392, shared: 0.131 };

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
    const wording = lexical(text);
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

/** The unit SIF-weighted mean word vector of a text, or undefined when it has no known word. */
export function meaningOf(text: string, words: WordTable): Float64Array | undefined {
  const sum = new Float64Array(words.dims);
  let any = false;
  for (const w of tokenize(text)) {
    if (STOPWORDS.has(w) || /\d/.test(w)) continue;
    const form = words.rank(w) !== undefined ? w : w.endsWith('s') && words.rank(w.slice(0, -1)) !== undefined ? w.slice(0, -1) : undefined;
    if (!form) continue;
    const rank = words.rank(form)!;
    const weight = ((rank + 1) / (rank + 101)) * (isSentimentWord(w) ? 0.5 : 1);
    const v = words.vector(form)!;
    for (let d = 0; d < v.length; d++) sum[d] = sum[d]! + weight * v[d]!;
    any = true;
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
