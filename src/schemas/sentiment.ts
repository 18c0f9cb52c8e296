import { z } from 'zod';
import { FastModeSchema, ProviderSpecSchema, TextsSchema, resultMeta } from './common';

/** Request of `analyzeSentiment`. */
export const SentimentRequestSchema = z.strictObject({
  inputs: TextsSchema,
  version: z.string().optional(),
  provider: ProviderSpecSchema.optional(),
  fast: FastModeSchema.optional(),
});
/** The type of `SentimentRequestSchema` (zod-inferred). */
export type SentimentRequest = z.infer<typeof SentimentRequestSchema>;

/** Sentiment of one input (the wire item; `SentimentResult` is the helper class of the starters). */
export const SentimentItemSchema = z.object({
  sentiment: z.enum(['positive', 'negative', 'neutral', 'mixed']),
  confidence: z.number().min(0).max(1),
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
