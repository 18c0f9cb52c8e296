import { cosine, type Embedder } from './embed';
import { agglomerative, kmeans } from './kmeans';

export type Algorithm = 'kmeans' | 'skmeans' | 'agglomerative' | 'hdbscan';

/** Above this size agglomerative (O(n²)) falls back to k-means. */
const AGGLOMERATIVE_MAX = 1500;

/**
 * Clusters texts: k-means and spherical k-means on the embeddings, average-linkage
 * agglomerative, and an hdbscan-like variant that sends outliers (far from every centre)
 * to cluster -1.
 */
export function clusterTexts(inputs: string[], k: number, algorithm: Algorithm, embed: Embedder, seed: number) {
  const vectors = inputs.map(embed);
  let assign: number[];
  if (algorithm === 'agglomerative' && inputs.length <= AGGLOMERATIVE_MAX) assign = agglomerative(vectors, k);
  else assign = kmeans(vectors, k, seed + (algorithm === 'kmeans' ? 0 : 1));
  if (algorithm === 'hdbscan') assign = markOutliers(vectors, assign);
  const ids = [...new Set(assign)].sort((a, b) => a - b);
  return ids.map((clusterId) => ({ clusterId, items: inputs.filter((_, i) => assign[i] === clusterId) }));
}

function markOutliers(vectors: Float64Array[], assign: number[]): number[] {
  const groups = new Map<number, number[]>();
  assign.forEach((c, i) => groups.set(c, [...(groups.get(c) ?? []), i]));
  const out = [...assign];
  for (const members of groups.values()) {
    if (members.length < 3) continue;
    const sims = members.map((i) => members.reduce((s, j) => (j === i ? s : s + cosine(vectors[i]!, vectors[j]!)), 0) / (members.length - 1));
    const sorted = [...sims].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    members.forEach((i, x) => {
      if (sims[x]! < median - 0.15) out[i] = -1;
    });
  }
  return out;
}
