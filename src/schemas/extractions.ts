import * as z from 'zod/mini';
import { FastModeSchema, ProviderSpecSchema, TextsSchema, resultMeta } from './common';

/** Request of `extractElements` (`expandDictionary` is sent as `expand_dictionary`). */
export const ExtractionsRequestSchema = z.strictObject({
  inputs: TextsSchema,
  dictionary: TextsSchema,
  type: z.optional(z.enum(['named-entities', 'themes'])),
  category: z.optional(z.string()),
  expandDictionary: z.optional(z.boolean()),
  expandDictionaryLimit: z.optional(z.number()),
  version: z.optional(z.string()),
  provider: z.optional(ProviderSpecSchema),
  fast: z.optional(FastModeSchema),
});
/** The type of `ExtractionsRequestSchema` (zod-inferred). */
export type ExtractionsRequest = z.infer<typeof ExtractionsRequestSchema>;

/** Response of `extractElements`: per input, per dictionary term, the extracted spans. */
export const ExtractionsResponseSchema = z.object({
  dictionary: z.array(z.string()),
  results: z.array(z.array(z.array(z.string()))),
  ...resultMeta,
});
/** The type of `ExtractionsResponseSchema` (zod-inferred). */
export type ExtractionsResponse = z.infer<typeof ExtractionsResponseSchema>;
