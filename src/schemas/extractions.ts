import { z } from 'zod';
import { FastModeSchema, ProviderSpecSchema, TextsSchema, resultMeta } from './common';

/** Request of `extractElements` (`expandDictionary` is sent as `expand_dictionary`). */
export const ExtractionsRequestSchema = z.strictObject({
  inputs: TextsSchema,
  dictionary: TextsSchema,
  type: z.enum(['named-entities', 'themes']).optional(),
  category: z.string().optional(),
  expandDictionary: z.boolean().optional(),
  expandDictionaryLimit: z.number().optional(),
  version: z.string().optional(),
  provider: ProviderSpecSchema.optional(),
  fast: FastModeSchema.optional(),
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
