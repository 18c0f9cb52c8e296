import { hash32, prng, STOPWORDS, tokenize } from './text';

/** Dimensions of the hosted model's embeddings. */
export const DIMENSIONS = 3072;

/** Embeds texts; one per emulator, so nothing is shared between instances. */
export type Embedder = (text: string) => Float64Array;

/**
 * A deterministic embedding: hashed word, bigram and character-trigram features plus a
 * shared direction, L2-normalised. Texts sharing words come out similar; unrelated texts
 * sit near 0.25 cosine, about where the hosted model puts them. Without the shared
 * direction (`shareDirection: false`) vectors separate better, which grouping wants.
 */
export function createEmbedder(seed: number, dims = DIMENSIONS, shareDirection = true): Embedder {
  const r = prng(seed ^ 0x5bd1e995);
  const shared = normalise(Float64Array.from({ length: dims }, () => r() - 0.5));
  return (text) => {
    const v = new Float64Array(dims);
    const words = tokenize(text);
    const add = (feature: string, weight: number) => {
      const h = hash32(feature, seed);
      v[h % dims]! += (h & 0x80000000 ? -1 : 1) * weight;
    };
    words.forEach((w, i) => {
      const weight = STOPWORDS.has(w) ? 0.15 : 1;
      add(`w:${w}`, weight);
      if (w.length > 3) add(`s:${w.slice(0, 5)}`, weight * 0.6);
      for (let j = 0; j + 3 <= w.length; j++) add(`c:${w.slice(j, j + 3)}`, weight * 0.25);
      if (i > 0) add(`b:${words[i - 1]}_${w}`, 0.5);
    });
    normalise(v);
    const mix = !shareDirection ? 0 : words.length ? 0.5 : 1;
    for (let i = 0; i < dims; i++) v[i] = v[i]! + mix * shared[i]!;
    if (!words.length) {
      const noise = prng(hash32(text, seed));
      for (let i = 0; i < dims; i++) v[i] = v[i]! + (noise() - 0.5) * 0.1;
    }
    return normalise(v);
  };
}

export function normalise(v: Float64Array): Float64Array {
  let n = 0;
  for (let i = 0; i < v.length; i++) n += v[i]! * v[i]!;
  n = Math.sqrt(n) || 1;
  for (let i = 0; i < v.length; i++) v[i] = v[i]! / n;
  return v;
}

/** Cosine of two unit vectors. */
export function cosine(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
