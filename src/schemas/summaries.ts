import * as z from 'zod/mini';
import { FastModeSchema, TextsSchema, resultMeta } from './common';

/** Request of `generateSummary`. */
export const SummariesRequestSchema = z.strictObject({
  inputs: TextsSchema,
  question: z.string(),
  length: z.optional(z.enum(['bullet-points', 'short', 'medium', 'long'])),
  preset: z.optional(
    z.enum(['five-point', 'ten-point', 'one-tweet', 'three-tweets', 'one-para', 'exec', 'two-pager', 'one-pager']),
  ),
  fast: z.optional(FastModeSchema),
});
/** The type of `SummariesRequestSchema` (zod-inferred). */
export type SummariesRequest = z.infer<typeof SummariesRequestSchema>;

/** Response of `generateSummary`. */
export const SummariesResponseSchema = z.object({
  summary: z.string(),
  ...resultMeta,
});
/** The type of `SummariesResponseSchema` (zod-inferred). */
export type SummariesResponse = z.infer<typeof SummariesResponseSchema>;
