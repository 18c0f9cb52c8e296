import * as z from 'zod/mini';
import { FastModeSchema, ProviderSpecSchema, TextsSchema, resultMeta } from './common';

/** Request of `createEmbeddings`. */
export const EmbeddingsRequestSchema = z.strictObject({
  inputs: TextsSchema,
  fast: z.optional(FastModeSchema),
  provider: z.optional(ProviderSpecSchema),
});
/** The type of `EmbeddingsRequestSchema` (zod-inferred). */
export type EmbeddingsRequest = z.infer<typeof EmbeddingsRequestSchema>;

/** One embedded input (the hosted model gives 3072 dimensions). */
export const EmbeddingDocumentSchema = z.object({
  id: z.optional(z.string()),
  text: z.string(),
  vector: z.array(z.number()).check(z.minLength(1)),
});
/** The type of `EmbeddingDocumentSchema` (zod-inferred). */
export type EmbeddingDocument = z.infer<typeof EmbeddingDocumentSchema>;

/** Response of `createEmbeddings`. */
export const EmbeddingsResponseSchema = z.object({
  embeddings: z.array(EmbeddingDocumentSchema),
  ...resultMeta,
});
/** The type of `EmbeddingsResponseSchema` (zod-inferred). */
export type EmbeddingsResponse = z.infer<typeof EmbeddingsResponseSchema>;
