import type { ApiReply } from './api';

/** A reply as bytes: status, headers and payload. */
export interface EncodedReply {
  status: number;
  headers: Record<string, string>;
  payload: Buffer | string;
}

/**
 * Serialises a reply: JSON bodies as `application/json`, strings as `text/plain` (unless
 * the reply names its own content type).
 *
 * @example
 * encodeReply({ status: 200, body: { ok: true } }); // { status: 200, headers: { 'content-type': 'application/json' }, ... }
 */
export function encodeReply(reply: ApiReply): EncodedReply {
  const isText = typeof reply.body === 'string';
  const payload = reply.body === undefined ? '' : isText ? (reply.body as string) : JSON.stringify(reply.body);
  return {
    status: reply.status,
    headers: { 'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json', ...reply.headers },
    payload,
  };
}
