import { z } from 'zod';
import { FastModeSchema, ProviderSpecSchema, TextsSchema, resultMeta } from './common';

const UnitSchema = z.enum(['sentence', 'newline', 'word']);

/** How a text is split before comparing, and how the parts' scores are aggregated. */
export const UnitAggSchema = z.union([
  UnitSchema,
  z.strictObject({
    unit: UnitSchema,
    agg: z.enum(['mean', 'max', 'top2', 'top3']).optional(),
    windowSize: z.number().int().min(1).optional(),
    strideSize: z.number().int().min(1).optional(),
  }),
]);
/** The type of `UnitAggSchema` (zod-inferred). */
export type UnitAgg = z.infer<typeof UnitAggSchema>;

/** Splitting for both sets, or for each set separately. */
export const SplitSchema = z.union([
  UnitAggSchema,
  z.strictObject({ setA: UnitAggSchema.optional(), setB: UnitAggSchema.optional() }),
]);
/** The type of `SplitSchema` (zod-inferred). */
export type Split = z.infer<typeof SplitSchema>;

/**
 * Request of `compareSimilarity`: `set` for self-similarity, or `setA` and `setB` for
 * cross-similarity (sent as `set_a`/`set_b`).
 */
export const SimilarityRequestSchema = z.strictObject({
  set: TextsSchema.optional(),
  setA: TextsSchema.optional(),
  setB: TextsSchema.optional(),
  version: z.string().optional(),
  fast: FastModeSchema.optional(),
  provider: ProviderSpecSchema.optional(),
  flatten: z.boolean().optional(),
  split: SplitSchema.optional(),
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
  n: z.number().int().nonnegative().optional(),
  flattened: z.array(z.number()).optional(),
  matrix: z.array(z.array(z.number())).optional(),
  ...resultMeta,
});
/** The type of `SimilarityResponseSchema` (zod-inferred). */
export type SimilarityResponse = z.infer<typeof SimilarityResponseSchema>;
