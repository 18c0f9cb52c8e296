import * as z from 'zod/mini';
import { TextsSchema } from './common';

/** Request of `estimateUsage` (no authentication needed). */
export const UsageEstimateRequestSchema = z.strictObject({
  feature: z.enum(['embeddings', 'sentiment', 'themes', 'extractions', 'summaries', 'data-dictionary']),
  inputs: TextsSchema,
});
/** The type of `UsageEstimateRequestSchema` (zod-inferred). */
export type UsageEstimateRequest = z.infer<typeof UsageEstimateRequestSchema>;

/** Response of `estimateUsage`. */
export const UsageEstimateResponseSchema = z.looseObject({
  usage: z.record(z.string(), z.unknown()),
});
/** The type of `UsageEstimateResponseSchema` (zod-inferred). */
export type UsageEstimateResponse = z.infer<typeof UsageEstimateResponseSchema>;

/** Response of `getOrganizationCredits`: a credits snapshot (shape not fixed by the spec). */
export const OrganizationCreditsSchema = z.record(z.string(), z.unknown());
/** The type of `OrganizationCreditsSchema` (zod-inferred). */
export type OrganizationCredits = z.infer<typeof OrganizationCreditsSchema>;
