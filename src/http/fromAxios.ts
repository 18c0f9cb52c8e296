import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { Observable } from 'rxjs';
import { Closer } from './Closer';
import { decodeBody, type DecodeLimits } from './decodeBody';
import { errorFromResponse } from './errorFromResponse';
import { PulseConnectionError, PulseError, ResponseTooLargeError } from '../errors';
import { redactText } from './logger';
import type { HttpBackend, HttpRequest, HttpResponse } from './types';

/** Agents for Node's http and https (keep-alive pools); ignored in browsers. */
export interface AgentOptions {
  httpAgent?: unknown;
  httpsAgent?: unknown;
}

/** A fresh axios instance for the client, optionally with Node agents. */
export function createAxiosInstance(agents: AgentOptions = {}): AxiosInstance {
  return axios.create(agents);
}

/** Default `maxResponseBytes` of a client: 500 MiB (see `PulseClientOptions.maxResponseBytes`). */
export const DEFAULT_MAX_RESPONSE_BYTES = 500 * 1024 * 1024;

/** Bounds of every answer read through `fromAxios`. */
export interface ResponseLimits {
  /** Most bytes a response body may have once decompressed. @default unlimited */
  maxResponseBytes?: number;
}

/**
 * The one place that calls axios: each subscription sends one request with its own
 * cancel switch, unsubscribing aborts it, and every failure leaves as a pulse-rx error
 * (non-2xx statuses included), converted here once. A body past `maxResponseBytes`
 * (decompressed) is dropped where it stands with `ResponseTooLargeError`: Node's http
 * adapter counts the decompressed bytes (`maxContentLength`) and destroys the stream at the
 * bound; a gzip body the server did not label is bounded while it is decompressed here.
 *
 * @example
 * const send = fromAxios(axios.create(), () => Date.now(), { maxResponseBytes: 500 * 2 ** 20 });
 * send({ method: 'GET', url: 'http://127.0.0.1:4010/v1/health' }).subscribe(console.log);
 */
export function fromAxios(instance: AxiosInstance, now: () => number, limits: ResponseLimits = {}): HttpBackend {
  const maxBytes = limits.maxResponseBytes;
  return (request: HttpRequest) =>
    new Observable<HttpResponse>((subscriber) => {
      const controller = new Closer();
      let settled = false;
      instance
        .request<ArrayBuffer>({
          method: request.method,
          url: request.url,
          headers: request.headers,
          data: request.body,
          signal: controller,
          responseType: 'arraybuffer',
          // We decode and convert statuses ourselves, once.
          transformResponse: [(data: unknown) => data],
          validateStatus: () => true,
          decompress: true,
          // Counted after decompression by Node's http adapter, which stops reading there.
          ...(maxBytes !== undefined && Number.isFinite(maxBytes) ? { maxContentLength: maxBytes } : {}),
          // Without redirect support axios sends through Node's http directly instead of
          // follow-redirects, which also keeps a copy of every request body for a replay.
          ...(request.followRedirects === false ? { maxRedirects: 0 } : {}),
        })
        .then(async (res) => toResponse(request, res, now, { maxBytes, signal: controller }))
        .then(
          (response) => {
            settled = true;
            subscriber.next(response);
            subscriber.complete();
          },
          (err: unknown) => {
            settled = true;
            if (!controller.aborted) subscriber.error(toPulseError(err, maxBytes));
          },
        );
      return () => {
        if (!settled) controller.close();
      };
    });
}

async function toResponse(request: HttpRequest, res: AxiosResponse<ArrayBuffer>, now: () => number, limits: DecodeLimits) {
  const headers = flattenHeaders(res.headers);
  const bytes = toBytes(res.data);
  const body = await decodeBody(bytes, limits);
  if (res.status < 200 || res.status >= 300) throw errorFromResponse(res.status, body, headers, now());
  return { status: res.status, headers, body, url: request.url } satisfies HttpResponse;
}

function toBytes(data: unknown): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (typeof data === 'string') return new TextEncoder().encode(data);
  return new Uint8Array();
}

function flattenHeaders(headers: AxiosResponse['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (value === undefined || value === null) continue;
    out[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

function toPulseError(err: unknown, maxBytes: number | undefined): PulseError {
  if (err instanceof PulseError) return err;
  // Never keep axios's error as `cause`: its config carries the Authorization header.
  const code = typeof (err as { code?: unknown })?.code === 'string' ? (err as { code: string }).code : undefined;
  if (maxBytes !== undefined && code === 'ERR_BAD_RESPONSE' && /maxContentLength/.test((err as Error)?.message ?? '')) {
    return new ResponseTooLargeError(maxBytes);
  }
  // Some adapters echo the request (body included) in their messages: mask secrets.
  const message = redactText(err instanceof Error ? err.message : String(err));
  return new PulseConnectionError(`connection failed${code ? ` (${code})` : ''}: ${message}`);
}
