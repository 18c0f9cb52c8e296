import { LIMITS } from '../../schemas/limits';
import { SummariesRequestSchema } from '../../schemas/summaries';
import { checkText } from '../validate';
import { textsEndpoint } from './textsEndpoint';

/** `POST /summaries`: a summary of the inputs answering `question`. */
export const summariesEndpoint = textsEndpoint({
  path: '/summaries',
  kind: 'summaries',
  request: SummariesRequestSchema,
  limits: LIMITS.summaries,
  check: (req, _fast, settings) => checkText('question', req.question, settings.maxTextLength),
});
