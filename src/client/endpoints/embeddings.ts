import { EmbeddingsRequestSchema } from '../../schemas/embeddings';
import { LIMITS } from '../../schemas/limits';
import { EMBEDDING_DIMENSIONS } from '../splitting/plannedOutput';
import { textsEndpoint } from './textsEndpoint';

/** `POST /embeddings`: up to 200 texts synchronously, 5,000 as a job. */
export const embeddingsEndpoint = textsEndpoint({
  path: '/embeddings',
  kind: 'embeddings',
  request: EmbeddingsRequestSchema,
  oversize: { split: 'embeddings' },
  perInput: 'embeddings',
  outputPerInput: () => ({ columns: EMBEDDING_DIMENSIONS, what: 'embeddings result (inputs × dimensions)' }),
  limits: LIMITS.embeddings,
});
