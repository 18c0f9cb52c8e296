import * as z from 'zod/mini';
import { FastModeSchema, ProviderSpecSchema, TextsSchema, resultMeta } from './common';

const UnitSchema = z.enum(['sentence', 'newline', 'word']);

/** How a text is split before comparing, and how the parts' scores are aggregated. */
export const UnitAggSchema = z.union([
  UnitSchema,
  z.strictObject({
    unit: UnitSchema,
    agg: z.optional(z.enum(['mean', 'max', 'top2', 'top3'])),
    windowSize: z.optional(z.number().check(z.int(), z.gte(1))),
    strideSize: z.optional(z.number().check(z.int(), z.gte(1))),
  }),
]);
/** The type of `UnitAggSchema` (zod-inferred). */
export type UnitAgg = z.infer<typeof UnitAggSchema>;

/** Splitting for both sets, or for each set separately. */
export const SplitSchema = z.union([
  UnitAggSchema,
  z.strictObject({ setA: z.optional(UnitAggSchema), setB: z.optional(UnitAggSchema) }),
]);
/** The type of `SplitSchema` (zod-inferred). */
export type Split = z.infer<typeof SplitSchema>;

/**
 * Request of `compareSimilarity`: `set` for self-similarity, or `setA` and `setB` for
 * cross-similarity (sent as `set_a`/`set_b`).
 */
export const SimilarityRequestSchema = z.strictObject({
  set: z.optional(TextsSchema),
  setA: z.optional(TextsSchema),
  setB: z.optional(TextsSchema),
  version: z.optional(z.string()),
  fast: z.optional(FastModeSchema),
  provider: z.optional(ProviderSpecSchema),
  flatten: z.optional(z.boolean()),
  split: z.optional(SplitSchema),
});
/** The type of `SimilarityRequestSchema` (zod-inferred). */
export type SimilarityRequest = z.infer<typeof SimilarityRequestSchema>;

/**
 * Response of `compareSimilarity`. Self-similarity arrives flattened (upper triangle
 * without the diagonal, with `n`); the client rebuilds `matrix` when one was asked for.
 */
export const SimilarityResponseSchema = z.object({
  scenario: z.enum(['self', 'cross']),
  mode: z.enum(['matrix', 'flattened']),
  n: z.optional(z.number().check(z.int(), z.nonnegative())),
  flattened: z.optional(z.array(z.number())),
  matrix: z.optional(z.array(z.array(z.number()))),
  ...resultMeta,
});
/** The type of `SimilarityResponseSchema` (zod-inferred). */
export type SimilarityResponse = z.infer<typeof SimilarityResponseSchema>;
