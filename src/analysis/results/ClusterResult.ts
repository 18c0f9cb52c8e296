import type { Row } from '../csv';
import type { ClusteringResponse } from '../../schemas/clustering';
import { AnalysisResult } from './AnalysisResult';
import { brand } from '../../brand';

/** A cluster with the indexes of its texts. */
export interface IndexedCluster {
  clusterId: number;
  items: string[];
  /** Indexes of the member texts in the input (duplicates each get their own index). */
  indices: number[];
}

/**
 * Texts grouped into clusters. The service answers member texts; they are mapped back to
 * input indexes, each duplicate text to its own index.
 *
 * @example
 * const clusters = await firstValueFrom(clusterAnalysis(reviews, { k: 4 }));
 * clusters.assignments(); // cluster id per input text
 */
export class ClusterResult extends AnalysisResult<ClusteringResponse> {
  get algorithm(): string {
    return this.raw.algorithm;
  }

  get clusters(): IndexedCluster[] {
    const free = new Map<string, number[]>();
    this.texts.forEach((t, i) => free.set(t, [...(free.get(t) ?? []), i]));
    return this.raw.clusters.map((c) => ({
      clusterId: c.clusterId,
      items: c.items,
      indices: c.items.flatMap((item) => {
        const next = free.get(item)?.shift();
        return next === undefined ? [] : [next];
      }),
    }));
  }

  /** Cluster id of each input text, in input order; null for a text in no cluster. */
  assignments(): Array<number | null> {
    const out: Array<number | null> = this.texts.map(() => null);
    for (const c of this.clusters) for (const i of c.indices) out[i] = c.clusterId;
    return out;
  }

  toRows(): Row[] {
    return this.assignments().map((cluster, index) => ({ index, text: this.texts[index]!, cluster }));
  }

  protected override columns(): string[] {
    return ['index', 'text', 'cluster'];
  }
}
brand(ClusterResult, 'ClusterResult');
