/** Text utilities of the emulator: tokens, stop words, stable hashes, a seeded PRNG. */

export const STOPWORDS = new Set(
  `a an the and or but if then else of to in on at by for with from as is are was were be been being it its this that these those
  i me my we our you your he she they them their his her him there here what which who whom when where why how all any both each
  few more most other some such only own same so than too very can will just do does did doing have has had having would should
  could also into about over after before again further once up down out off s t don now am get got really not no
  one two back near day days time times went go going come came us`.split(/\s+/),
);

const NUMBER_WORDS = new Set(
  `zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
  eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million half dozen`.split(/\s+/),
);

/** Digits or a number word ("45", "forty", "half"): never a theme label. */
export function isNumeric(word: string): boolean {
  return /\d/.test(word) || NUMBER_WORDS.has(word.toLowerCase());
}

/** Lower-case word tokens (apostrophes kept inside words: "didn't"). */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? [];
}

/** Tokens without stop words. */
export function contentWords(text: string): string[] {
  return tokenize(text).filter((t) => !STOPWORDS.has(t) && t.length > 1);
}

/** A crude stem: enough for "prices" ~ "price", "waited" ~ "wait". */
export function stem(word: string): string {
  return word.replace(/(?:ies)$/, 'y').replace(/(?:ing|ed|es|s)$/, '') || word;
}

/** Sentences of a text. */
export function sentences(text: string): string[] {
  return (text.match(/[^.!?\n]+[.!?]*/g) ?? []).map((s) => s.trim()).filter(Boolean);
}

/** FNV-1a 32-bit hash, seeded. */
export function hash32(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Hex digest of a string (two hashes), for stable ids. */
export function hexId(text: string, seed = 0): string {
  return hash32(text, seed).toString(16).padStart(8, '0') + hash32(text, seed ^ 0x9e3779b9).toString(16).padStart(8, '0');
}

/** mulberry32: a small seeded PRNG in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** "customer service" → "Customer Service" */
export function titleCase(text: string): string {
  return text.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}

/** Rounds to 6 decimals so floats serialise identically everywhere. */
export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * `f` remembered per word: at most `limit` words (the memory starts over beyond it) and only
 * words up to 40 characters (no lexicon word is longer; a request may hold any string).
 */
export function memoPerWord<T>(f: (word: string) => T, limit = 100_000): (word: string) => T {
  const known = new Map<string, T>();
  return (word) => {
    if (word.length > 40) return f(word);
    let v = known.get(word);
    if (v === undefined && !known.has(word)) {
      if (known.size >= limit) known.clear();
      known.set(word, (v = f(word)));
    }
    return v as T;
  };
}
