import { gzipSync } from 'node:zlib';
import type { ApiReply } from './api';

/** A reply as bytes: status, headers and payload. */
export interface EncodedReply {
  status: number;
  headers: Record<string, string>;
  payload: Buffer | string;
}

/** How to encode: whether the `gzip` quirk is on, what the client accepts, which host answers. */
export interface EncodeOptions {
  gzip?: boolean;
  acceptEncoding?: string;
  /**
   * `api` bodies are compressed from 200 bytes (as recorded); token and result files always;
   * job statuses never (no recorded status is, completed ones of 300 bytes included).
   */
  origin?: 'api' | 'jobs' | 'token' | 'result' | 'admin';
}

/** Recorded API answers of 178 bytes came plain, of 253 bytes and more gzip-encoded. */
const API_GZIP_FROM = 200;

/**
 * Serialises a reply: JSON bodies as `application/json`, strings as `text/plain` (unless
 * the reply names its own content type); gzip-encoded as the hosted service does when the
 * `gzip` quirk is on and the client accepts it.
 *
 * @example
 * encodeReply({ status: 200, body: { ok: true } }); // { status: 200, headers: { 'content-type': 'application/json' }, ... }
 */
export function encodeReply(reply: ApiReply, options: EncodeOptions = {}): EncodedReply {
  const isText = typeof reply.body === 'string';
  const payload = reply.body === undefined ? '' : isText ? (reply.body as string) : JSON.stringify(reply.body);
  const headers = { 'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json', ...reply.headers };
  const { origin = 'api' } = options;
  const accepted = /\bgzip\b/i.test(options.acceptEncoding ?? '');
  const big = origin !== 'api' || Buffer.byteLength(payload) >= API_GZIP_FROM;
  if (!options.gzip || !accepted || !big || origin === 'admin' || origin === 'jobs' || payload === '') return { status: reply.status, headers, payload };
  // Result files are stored gzip-encoded (S3 objects): served so without a `vary`.
  const vary: Record<string, string> = origin === 'result' ? {} : { vary: 'accept-encoding' };
  return { status: reply.status, headers: { ...headers, 'content-encoding': 'gzip', ...vary }, payload: gzipSync(payload) };
}
