import { cosine, normalise } from './embed';
import { prng } from './text';

/**
 * Spherical k-means on unit vectors with k-means++ seeding from a seeded PRNG:
 * deterministic for a given seed and input order. Returns a cluster index per vector.
 */
export function kmeans(vectors: Float64Array[], k: number, seed: number, iterations = 25): number[] {
  const n = vectors.length;
  if (n === 0) return [];
  k = Math.max(1, Math.min(k, n));
  const random = prng(seed);
  const centroids: Float64Array[] = [vectors[Math.floor(random() * n)]!.slice()];
  while (centroids.length < k) {
    const d = vectors.map((v) => Math.max(0, 1 - Math.max(...centroids.map((c) => cosine(v, c)))) ** 2);
    const total = d.reduce((a, b) => a + b, 0);
    let r = random() * total;
    let pick = d.findIndex((x) => (r -= x) <= 0);
    if (pick < 0 || total === 0) pick = centroids.length % n;
    centroids.push(vectors[pick]!.slice());
  }
  let assign = new Array<number>(n).fill(0);
  for (let it = 0; it < iterations; it++) {
    const next = vectors.map((v) => {
      let best = 0;
      let bestSim = -Infinity;
      centroids.forEach((c, j) => {
        const s = cosine(v, c);
        if (s > bestSim) [best, bestSim] = [j, s];
      });
      return best;
    });
    const changed = next.some((a, i) => a !== assign[i]);
    assign = next;
    centroids.forEach((c, j) => {
      const members = vectors.filter((_, i) => assign[i] === j);
      if (!members.length) return;
      c.fill(0);
      for (const m of members) for (let d = 0; d < c.length; d++) c[d] = c[d]! + m[d]!;
      normalise(c);
    });
    if (!changed && it > 0) break;
  }
  return assign;
}

/** Average-linkage agglomerative clustering into k groups (O(n²): for modest inputs). */
export function agglomerative(vectors: Float64Array[], k: number): number[] {
  let groups = vectors.map((_, i) => [i]);
  const sim = vectors.map((a) => vectors.map((b) => cosine(a, b)));
  const link = (a: number[], b: number[]) => {
    let s = 0;
    for (const i of a) for (const j of b) s += sim[i]![j]!;
    return s / (a.length * b.length);
  };
  while (groups.length > Math.max(1, k)) {
    let best: [number, number] = [0, 1];
    let bestSim = -Infinity;
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const s = link(groups[i]!, groups[j]!);
        if (s > bestSim) [best, bestSim] = [[i, j], s];
      }
    }
    const [i, j] = best;
    groups[i] = [...groups[i]!, ...groups[j]!];
    groups = groups.filter((_, x) => x !== j);
  }
  const assign = new Array<number>(vectors.length).fill(0);
  groups.forEach((g, c) => g.forEach((i) => (assign[i] = c)));
  return assign;
}
