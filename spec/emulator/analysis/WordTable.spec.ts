import { WordTable } from '../../../src/emulator/analysis/WordTable';

/** A table in the layout of spec/eval/buildWordTable.cjs. */
function table(words: string[], vectors: number[][]): Uint8Array {
  const dims = vectors[0]!.length;
  const wordBytes = Buffer.from(words.join('\n'));
  const header = Buffer.alloc(18);
  header.write('PRXW1\n', 0, 'latin1');
  header.writeUInt32LE(words.length, 6);
  header.writeUInt32LE(dims, 10);
  header.writeUInt32LE(wordBytes.length, 14);
  const scales = new Float32Array(words.length).fill(1 / 127);
  const values = Int8Array.from(vectors.flat());
  return Buffer.concat([header, wordBytes, Buffer.from(scales.buffer), Buffer.from(values.buffer)]);
}

describe('WordTable', () => {
  const words = Array.from({ length: 2001 }, (_, i) => `w${String.fromCharCode(97 + (i % 26))}${i}`);
  const vectors = words.map((_, i) => [i % 2 ? 100 : -100, 50, (i % 7) - 3]);

  it('decodes each word to a centred unit vector and knows its frequency rank', () => {
    const t = new WordTable(table(words, vectors));
    expect(t.dims).toBe(3);
    expect(t.rank(words[5]!)).toBe(5);
    expect(t.rank('absent')).toBeUndefined();
    const v = t.vector(words[1]!)!;
    expect(Math.hypot(...v)).toBeCloseTo(1, 9);
    // The shared direction (50 on the second axis) is taken out: odd and even words point apart.
    expect(Array.from(v).reduce((s, x, d) => s + x * t.vector(words[2]!)![d]!, 0)).toBeLessThan(0);
  });

  it('reads a table that sits at an odd offset of a larger buffer', () => {
    const bytes = table(words, vectors);
    const padded = Buffer.concat([Buffer.from([1]), bytes]).subarray(1);
    expect(Array.from(new WordTable(padded).vector(words[3]!)!)).toEqual(Array.from(new WordTable(bytes).vector(words[3]!)!));
  });

  it('refuses a truncated or foreign file instead of trusting its counts', () => {
    const bytes = table(words, vectors);
    expect(() => new WordTable(bytes.subarray(0, bytes.length - 1))).toThrow(/truncated/);
    expect(() => new WordTable(Buffer.from('not a table at all'))).toThrow(/PRXW1/);
  });
});
