import type { Observable } from 'rxjs';
import type { CallOptions } from '../../client/CallOptions';
import { checkInt } from '../../client/validate';
import type { ClusteringRequest, ClusteringResponse } from '../../schemas/clustering';
import { LIMITS } from '../../schemas/limits';
import { Process, type OptionKeys, type ProcessContext, type ProcessOptions } from '../Process';
import { ClusterResult } from '../results/ClusterResult';

/** Options of `Cluster` (and of the `clusterAnalysis` starter). */
export interface ClusterOptions extends ProcessOptions {
  /** Number of clusters (1 to 50). @default 5 */
  k?: number;
  algorithm?: ClusteringRequest['algorithm'];
}

const ALGORITHMS = ['kmeans', 'skmeans', 'agglomerative', 'hdbscan'];

/** Every key of `ClusterOptions` (the compiler holds the list to the type): others fail when built. */
export const CLUSTER_OPTION_KEYS: OptionKeys<ClusterOptions> = { k: true, algorithm: true };

/**
 * Groups the texts into `k` clusters (never split: clusters of separate batches would
 * not be comparable; up to 44,721 texts as one job).
 *
 * @example
 * new Analyzer({ dataset: reviews, processes: [new Cluster({ k: 4 })] });
 */
export class Cluster extends Process<ClusteringResponse, ClusterResult> {
  readonly kind = 'cluster' as const;

  constructor(readonly options: ClusterOptions = {}) {
    super('cluster', options, CLUSTER_OPTION_KEYS);
    checkInt(`${this.id}.k`, options.k, LIMITS.clustering.k[0], LIMITS.clustering.k[1]);
    if (options.algorithm !== undefined && !ALGORITHMS.includes(options.algorithm)) throw this.invalid('algorithm', `must be one of ${ALGORITHMS.join(', ')}`);
  }

  params(): Record<string, unknown> {
    return { k: this.options.k ?? 5, algorithm: this.options.algorithm };
  }

  protected override send(ctx: ProcessContext, options: CallOptions): Observable<unknown> {
    const request = { inputs: [...ctx.texts], k: this.options.k ?? 5, algorithm: this.options.algorithm, fast: this.fastIn(ctx) };
    return ctx.client.clusterTexts(request, options);
  }

  wrap(raw: ClusteringResponse, ctx: Pick<ProcessContext, 'texts'>): ClusterResult {
    return new ClusterResult(ctx.texts, raw);
  }
}
