import { ClusteringRequestSchema } from '../../schemas/clustering';
import { LIMITS } from '../../schemas/limits';
import { checkInt, ensure } from '../validate';
import { textsEndpoint } from './textsEndpoint';

const { k } = LIMITS.clustering;

/** `POST /clustering`: 2 to 500 texts synchronously, up to 44,721 as a job, into `k` clusters. */
export const clusteringEndpoint = textsEndpoint({
  path: '/clustering',
  kind: 'clustering',
  request: ClusteringRequestSchema,
  limits: LIMITS.clustering,
  check(req) {
    checkInt('k', req.k, k[0], k[1]);
    ensure(req.k <= req.inputs.length, 'k', `must not exceed the number of inputs (${req.inputs.length})`, req.inputs.length);
  },
});
