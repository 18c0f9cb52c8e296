/**
 * The emulator's word table: unit GloVe vectors of the most frequent English words,
 * quantised to 8 bits (built by `spec/eval/buildWordTable.cjs`, layout documented there).
 * Vectors are decoded on first use of each word, so loading is one file read.
 */
export class WordTable {
  /** Dimensions of every vector. */
  readonly dims: number;
  /** The words, most frequent first. */
  readonly words: readonly string[];
  private readonly index = new Map<string, number>();
  private readonly scales: Float32Array;
  private readonly values: Int8Array;
  private readonly cache = new Map<number, Float64Array>();
  private centre: Float64Array | undefined;

  constructor(bytes: Uint8Array) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const magic = new TextDecoder().decode(bytes.subarray(0, 6));
    if (magic !== 'PRXW1\n' || bytes.byteLength < 18) throw new Error('not a word table (PRXW1)');
    const count = view.getUint32(6, true);
    this.dims = view.getUint32(10, true);
    const wordBytes = view.getUint32(14, true);
    let at = 18;
    this.words = new TextDecoder().decode(bytes.subarray(at, (at += wordBytes))).split('\n');
    // Never trust a file's own counts: every section must be there, whole.
    if (this.words.length !== count || bytes.byteLength !== at + count * 4 + count * this.dims || !this.dims) {
      throw new Error('word table is truncated or inconsistent');
    }
    // An aligned copy (a Buffer's slice would share, and misalign, a pooled ArrayBuffer).
    const copy = new Uint8Array(bytes.byteLength - at);
    copy.set(bytes.subarray(at));
    this.scales = new Float32Array(copy.buffer, 0, count);
    this.values = new Int8Array(copy.buffer, count * 4, count * this.dims);
    this.words.forEach((w, i) => this.index.set(w, i));
  }

  /** Frequency rank of a word (0 = most frequent), or undefined when the table lacks it. */
  rank(word: string): number | undefined {
    return this.index.get(word);
  }

  /** The word's unit vector, centred on the table's mean direction, or undefined. */
  vector(word: string): Float64Array | undefined {
    const i = this.index.get(word);
    if (i === undefined) return undefined;
    let v = this.cache.get(i);
    if (!v) {
      const raw = this.raw(i);
      const c = this.mean();
      v = unit(raw.map((x, d) => x - c[d]!));
      this.cache.set(i, v);
    }
    return v;
  }

  /**
   * Mean of the 2,000 most frequent words' vectors. GloVe vectors share a common direction
   * that makes unrelated words look alike; taking it out spreads the similarities.
   */
  private mean(): Float64Array {
    if (this.centre) return this.centre;
    const n = Math.min(2000, this.words.length);
    const c = new Float64Array(this.dims);
    for (let i = 0; i < n; i++) this.raw(i).forEach((x, d) => (c[d] = c[d]! + x / n));
    return (this.centre = c);
  }

  private raw(i: number): Float64Array {
    const out = new Float64Array(this.dims);
    const s = this.scales[i]!;
    for (let d = 0; d < this.dims; d++) out[d] = this.values[i * this.dims + d]! * s;
    return out;
  }
}

/** Scales a vector to unit length in place (a zero vector stays zero). */
export function unit(v: Float64Array): Float64Array {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n);
  if (n > 0) for (let i = 0; i < v.length; i++) v[i] = v[i]! / n;
  return v;
}
