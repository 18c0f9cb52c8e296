import { cosine, type Embedder } from './embed';
import { contentWords, sentences, stem } from './text';

const COUNTS: Record<string, number> = {
  'bullet-points': 5,
  short: 2,
  medium: 4,
  long: 8,
  'five-point': 5,
  'ten-point': 10,
  'one-tweet': 2,
  'three-tweets': 6,
  'one-para': 5,
  exec: 3,
  'one-pager': 12,
  'two-pager': 24,
};

/**
 * Extractive summary: sentences ranked by overlap with the question and closeness to the
 * overall gist, kept in their original order; the length or preset sets how many and how
 * they are laid out.
 */
export function summarize(inputs: string[], question: string, length: string | undefined, preset: string | undefined, embed: Embedder): string {
  const all = inputs.flatMap((t) => (sentences(t).length ? sentences(t) : [t])).map((s, i) => ({ s, i }));
  const q = new Set(contentWords(question).map(stem));
  const vectors = all.map((x) => embed(x.s));
  const gist = vectors.length ? vectors[0]!.map((_, d) => vectors.reduce((sum, v) => sum + v[d]!, 0) / vectors.length) : new Float64Array();
  const scored = all.map((x, k) => ({
    ...x,
    score: contentWords(x.s).filter((w) => q.has(stem(w))).length + cosine(vectors[k]!, gist),
  }));
  const n = COUNTS[preset ?? length ?? 'short'] ?? 2;
  const seen = new Set<string>();
  const picked = scored
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .filter((x) => !seen.has(x.s.toLowerCase()) && seen.add(x.s.toLowerCase()))
    .slice(0, n)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.s.replace(/\s+/g, ' '));
  if (!picked.length) return 'No content to summarise.';
  switch (preset ?? length) {
    case 'bullet-points':
    case 'five-point':
    case 'ten-point':
      return picked.map((s) => `- ${s}`).join('\n');
    case 'exec':
      return `Executive summary (${question.trim()}):\n${picked.map((s) => `- ${s}`).join('\n')}`;
    case 'one-tweet':
      return clip(picked.join(' '), 280);
    case 'three-tweets':
      return [0, 1, 2].map((t) => `${t + 1}/3 ${clip(picked.slice(t * 2, t * 2 + 2).join(' ') || picked[0]!, 270)}`).join('\n');
    default:
      return picked.join(' ');
  }
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}
