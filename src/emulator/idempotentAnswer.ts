import type { ApiReply, ApiRequest, ApiState } from './api';
import { routeApi } from './api';
import { keyedRequest, type KeyedRequest } from './IdempotencyKeys';
import { verifyJwt } from './jwt';

/** An API answer, and what the journal and a later fault need to know of it. */
export interface Answered {
  /** As sent: checked against the spec and reshaped by quirks. */
  reply: ApiReply;
  /** The answer kept under the request's key, sent again: nothing done. */
  replayed?: true;
  /** The job the request created. */
  createdJob?: string;
  /** The request whose answer was just kept under its key. */
  kept?: KeyedRequest;
}

/**
 * Answers an API request once per `Idempotency-Key` (see `IdempotencyKeys`): the kept answer
 * again, a 409/422 refusal of the key, or a fresh answer from the routes, kept when it is a 2xx.
 * `finish` checks and reshapes a new answer; a replay was finished when first sent.
 *
 * @example
 * const { reply, replayed } = idempotentAnswer(api, '/sentiment', state, (r) => r);
 */
export function idempotentAnswer(api: ApiRequest, target: string, s: ApiState, finish: (reply: ApiReply) => ApiReply): Answered {
  const keyed = keyOf(api, target, s);
  const found = keyed && s.idempotency?.lookup(keyed);
  if (found?.kind === 'replay') return { reply: found.reply, replayed: true };
  if (found) return { reply: finish(found.reply) };
  const routed = routeApi(api, s);
  const createdJob = routed.status === 202 ? (routed.body as { job_id: string }).job_id : undefined;
  const reply = finish(routed);
  if (keyed) s.idempotency?.keep(keyed, reply);
  return { reply, createdJob, kept: keyed };
}

/** The request as the key store sees it, or undefined when there is no key to honour (not a POST, no header, keys off). */
function keyOf(req: ApiRequest, target: string, s: ApiState): KeyedRequest | undefined {
  const header = req.headers['idempotency-key'];
  if (!s.idempotency || req.method !== 'POST' || header === undefined || header === '') return undefined;
  const token = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
  const claims = token ? verifyJwt(token, s.secret, s.now()) : undefined;
  // Scoped per organisation and subject, as the hosted service scopes keys per account.
  const scope = claims ? `${String(claims.org_id ?? '-')} ${String(claims.sub ?? '-')}` : '-';
  return keyedRequest({ key: String(header), scope, method: req.method, target, body: req.body });
}
