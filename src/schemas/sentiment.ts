import * as z from 'zod/mini';
import { FastModeSchema, ProviderSpecSchema, TextsSchema, resultMeta } from './common';

/** Request of `analyzeSentiment`. */
export const SentimentRequestSchema = z.strictObject({
  inputs: TextsSchema,
  version: z.optional(z.string()),
  provider: z.optional(ProviderSpecSchema),
  fast: z.optional(FastModeSchema),
});
/** The type of `SentimentRequestSchema` (zod-inferred). */
export type SentimentRequest = z.infer<typeof SentimentRequestSchema>;

/** Sentiment of one input (the wire item; `SentimentResult` is the helper class of the starters). */
export const SentimentItemSchema = z.object({
  sentiment: z.enum(['positive', 'negative', 'neutral', 'mixed']),
  confidence: z.number().check(z.gte(0), z.lte(1)),
});
/** The type of `SentimentItemSchema` (zod-inferred). */
export type SentimentItem = z.infer<typeof SentimentItemSchema>;

/** Response of `analyzeSentiment`: one result per input, in input order. */
export const SentimentResponseSchema = z.object({
  results: z.array(SentimentItemSchema),
  ...resultMeta,
});
/** The type of `SentimentResponseSchema` (zod-inferred). */
export type SentimentResponse = z.infer<typeof SentimentResponseSchema>;
