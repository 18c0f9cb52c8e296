import { LIMITS } from '../../schemas/limits';
import { SentimentRequestSchema } from '../../schemas/sentiment';
import { textsEndpoint } from './textsEndpoint';

/** `POST /sentiment`: up to 200 texts synchronously, 5,000 as a job. */
export const sentimentEndpoint = textsEndpoint({
  path: '/sentiment',
  kind: 'sentiment',
  request: SentimentRequestSchema,
  oversize: { split: 'results' },
  perInput: 'results',
  limits: LIMITS.sentiment,
});
