import * as z from 'zod/mini';
import { FastModeSchema, TextsSchema, resultMeta } from './common';

/** Request of `clusterTexts`. */
export const ClusteringRequestSchema = z.strictObject({
  inputs: TextsSchema,
  k: z.number(),
  algorithm: z.optional(z.enum(['kmeans', 'skmeans', 'agglomerative', 'hdbscan'])),
  fast: z.optional(FastModeSchema),
});
/** The type of `ClusteringRequestSchema` (zod-inferred). */
export type ClusteringRequest = z.infer<typeof ClusteringRequestSchema>;

/** One cluster and its member texts. */
export const ClusterSchema = z.object({
  clusterId: z.number().check(z.int()),
  items: z.array(z.string()),
});
/** The type of `ClusterSchema` (zod-inferred). */
export type ClusterGroup = z.infer<typeof ClusterSchema>;

/** Response of `clusterTexts`. */
export const ClusteringResponseSchema = z.object({
  algorithm: z.string(),
  clusters: z.array(ClusterSchema),
  ...resultMeta,
});
/** The type of `ClusteringResponseSchema` (zod-inferred). */
export type ClusteringResponse = z.infer<typeof ClusteringResponseSchema>;
