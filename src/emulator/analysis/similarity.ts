import { cosine, type Embedder } from './embed';
import { round6, sentences, tokenize } from './text';

type Unit = 'sentence' | 'newline' | 'word';
interface UnitAgg {
  unit: Unit;
  agg?: 'mean' | 'max' | 'top2' | 'top3';
  window_size?: number;
  stride_size?: number;
}
export type WireSplit = Unit | UnitAgg | { set_a?: Unit | UnitAgg; set_b?: Unit | UnitAgg };

export interface SimilarityRequestWire {
  set?: string[];
  set_a?: string[];
  set_b?: string[];
  flatten?: boolean;
  split?: WireSplit;
}

/**
 * Cosine similarity of the embeddings. Self-similarity is always the flattened upper
 * triangle with `n`; cross-similarity is a matrix unless `flatten`. With `split`, each
 * text is cut into units whose pairwise scores are aggregated.
 */
export function similarity(req: SimilarityRequestWire, embed: Embedder) {
  if (req.set) {
    const v = req.set.map(embed);
    const flattened: number[] = [];
    for (let i = 0; i < v.length; i++) for (let j = i + 1; j < v.length; j++) flattened.push(round6(cosine(v[i]!, v[j]!)));
    return { scenario: 'self' as const, mode: 'flattened' as const, n: v.length, flattened };
  }
  const a = req.set_a ?? [];
  const b = req.set_b ?? [];
  const [ua, ub] = splitsFor(req.split);
  const pa = a.map((t) => units(t, ua).map(embed));
  const pb = b.map((t) => units(t, ub).map(embed));
  const agg = (ua?.agg ?? ub?.agg ?? 'mean') as NonNullable<UnitAgg['agg']>;
  const matrix = pa.map((x) => pb.map((y) => round6(aggregate(x, y, agg))));
  const flattened = matrix.flat();
  return req.flatten
    ? { scenario: 'cross' as const, mode: 'flattened' as const, n: a.length, flattened }
    : { scenario: 'cross' as const, mode: 'matrix' as const, n: a.length, flattened, matrix };
}

function splitsFor(split: WireSplit | undefined): [UnitAgg | undefined, UnitAgg | undefined] {
  const norm = (u: Unit | UnitAgg | undefined) => (typeof u === 'string' ? { unit: u } : u);
  if (split === undefined) return [undefined, undefined];
  if (typeof split === 'string' || 'unit' in split) return [norm(split as Unit | UnitAgg), norm(split as Unit | UnitAgg)];
  return [norm(split.set_a), norm(split.set_b)];
}

function units(text: string, u: UnitAgg | undefined): string[] {
  if (!u) return [text];
  const base = u.unit === 'sentence' ? sentences(text) : u.unit === 'newline' ? text.split(/\n+/) : tokenize(text);
  const size = u.window_size ?? 1;
  const stride = u.stride_size ?? 1;
  const out: string[] = [];
  for (let i = 0; i < base.length; i += stride) {
    out.push(base.slice(i, i + size).join(' '));
    if (i + size >= base.length) break;
  }
  return out.length ? out : [text];
}

function aggregate(x: Float64Array[], y: Float64Array[], agg: NonNullable<UnitAgg['agg']>): number {
  const scores = x.flatMap((p) => y.map((q) => cosine(p, q))).sort((m, n) => n - m);
  if (agg === 'max') return scores[0]!;
  if (agg === 'top2' || agg === 'top3') {
    const top = scores.slice(0, agg === 'top2' ? 2 : 3);
    return top.reduce((s, v) => s + v, 0) / top.length;
  }
  return scores.reduce((s, v) => s + v, 0) / scores.length;
}
