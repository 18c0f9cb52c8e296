import type * as z from 'zod/mini';
import { ClusteringResponseSchema } from './clustering';
import { DataDictionaryResponseSchema } from './dataDictionary';
import { EmbeddingsResponseSchema } from './embeddings';
import { ExtractionsResponseSchema } from './extractions';
import type { JobKind } from './jobs';
import { SentimentResponseSchema } from './sentiment';
import { SimilarityResponseSchema } from './similarity';
import { SummariesResponseSchema } from './summaries';
import { ThemesResponseSchema } from './themes';

/** The schema a job's result document is validated with, by job kind. */
export const resultSchemas = {
  embeddings: EmbeddingsResponseSchema,
  similarity: SimilarityResponseSchema,
  themes: ThemesResponseSchema,
  clustering: ClusteringResponseSchema,
  sentiment: SentimentResponseSchema,
  extractions: ExtractionsResponseSchema,
  summaries: SummariesResponseSchema,
  'data-dictionary': DataDictionaryResponseSchema,
} as const satisfies Record<JobKind, z.ZodMiniType>;

/** The result type of a job kind: `JobResult<'sentiment'>` is `SentimentResponse`. */
export type JobResult<K extends JobKind> = z.output<(typeof resultSchemas)[K]>;
