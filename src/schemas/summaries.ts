import { z } from 'zod';
import { FastModeSchema, TextsSchema, resultMeta } from './common';

/** Request of `generateSummary`. */
export const SummariesRequestSchema = z.strictObject({
  inputs: TextsSchema,
  question: z.string(),
  length: z.enum(['bullet-points', 'short', 'medium', 'long']).optional(),
  preset: z
    .enum(['five-point', 'ten-point', 'one-tweet', 'three-tweets', 'one-para', 'exec', 'two-pager', 'one-pager'])
    .optional(),
  fast: FastModeSchema.optional(),
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
