import { z } from 'zod';
import { FastModeSchema, ProviderSpecSchema, TextsSchema, resultMeta } from './common';

/** Request of `analyzeSentiment`. */
export const SentimentRequestSchema = z.strictObject({
  inputs: TextsSchema,
  version: z.string().optional(),
  provider: ProviderSpecSchema.optional(),
  fast: FastModeSchema.optional(),
});
export type SentimentRequest = z.infer<typeof SentimentRequestSchema>;

/** Sentiment of one input. */
export const SentimentResultSchema = z.object({
  sentiment: z.enum(['positive', 'negative', 'neutral', 'mixed']),
  confidence: z.number().min(0).max(1),
});
export type SentimentResult = z.infer<typeof SentimentResultSchema>;

/** Response of `analyzeSentiment`: one result per input, in input order. */
export const SentimentResponseSchema = z.object({
  results: z.array(SentimentResultSchema),
  ...resultMeta,
});
export type SentimentResponse = z.infer<typeof SentimentResponseSchema>;
