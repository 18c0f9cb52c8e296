import axios, { AxiosError, AxiosHeaders, type AxiosAdapter, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import type { ApiReply, ApiRequest } from '../emulator/api';

/** One request the in-memory API received, as `journal()` lists it. */
export interface InMemoryExchange {
  method: string;
  /** Path and query, e.g. `/v1/jobs?jobId=...`. */
  path: string;
  /** The answer's status; 0 while in flight or when the caller aborted. */
  status: number;
  /** The caller aborted before the answer. */
  aborted: boolean;
  /** An `Authorization` header came with it (its value is never kept). */
  authorization: boolean;
}

/** What the adapter needs: the routes and where to record exchanges. */
export interface InMemoryAdapterConfig {
  origin: string;
  latencyMs: number;
  route: (req: ApiRequest, path: string) => ApiReply;
  journal: InMemoryExchange[];
}

/**
 * An axios adapter that answers from the emulator's routes instead of the network: parses
 * the body as the server would, routes it, and encodes the reply as the response type asks.
 * Aborting the request's signal before the answer rejects it as axios does (`CanceledError`).
 */
export function inMemoryAdapter(config: InMemoryAdapterConfig): AxiosAdapter {
  return (request) =>
    new Promise<AxiosResponse>((resolve, reject) => {
      const url = new URL(axios.getUri(request));
      const headers = lowerCase(AxiosHeaders.from(request.headers as AxiosHeaders).toJSON());
      const method = (request.method ?? 'get').toUpperCase();
      const path = url.pathname + url.search;
      const entry: InMemoryExchange = { method, path, status: 0, aborted: false, authorization: 'authorization' in headers };
      config.journal.push(entry);
      if (url.origin !== config.origin) {
        return reject(new AxiosError(`getaddrinfo ENOTFOUND ${url.host} (in-memory Pulse)`, AxiosError.ERR_NETWORK, request));
      }
      const signal = request.signal;
      const cancel = () => {
        entry.aborted = true;
        reject(new axios.CanceledError(undefined, undefined, request));
      };
      if (signal?.aborted) return cancel();
      // A timer even at 0 ms: the answer never arrives synchronously, as over a network.
      const timer = setTimeout(() => {
        signal?.removeEventListener?.('abort', abort);
        const reply = handle(config, request, method, url, headers);
        entry.status = reply.status;
        settle(resolve, reject, toResponse(reply, request));
      }, config.latencyMs);
      const abort = () => {
        clearTimeout(timer);
        cancel();
      };
      signal?.addEventListener?.('abort', abort);
    });
}

function handle(
  config: InMemoryAdapterConfig,
  request: InternalAxiosRequestConfig,
  method: string,
  url: URL,
  headers: Record<string, string>,
): ApiReply {
  let body: unknown;
  try {
    body = parseBody(request.data, headers['content-type'] ?? '');
  } catch {
    return { status: 400, body: { code: 'validation_error', message: 'Malformed JSON body' } };
  }
  const path = url.pathname.startsWith('/v1/') ? url.pathname.slice(3) : url.pathname;
  const api: ApiRequest = { method, path, query: url.searchParams, headers, body, takeFault: () => undefined };
  return config.route(api, url.pathname);
}

function parseBody(data: unknown, contentType: string): unknown {
  if (data === undefined || data === null || data === '') return undefined;
  if (data instanceof URLSearchParams) return Object.fromEntries(data);
  if (typeof data !== 'string') return data;
  if (contentType.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(data));
  return JSON.parse(data) as unknown;
}

function toResponse(reply: ApiReply, request: InternalAxiosRequestConfig): AxiosResponse {
  const isText = typeof reply.body === 'string';
  const text = reply.body === undefined ? '' : isText ? (reply.body as string) : JSON.stringify(reply.body);
  const headers = new AxiosHeaders({ 'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json', ...reply.headers });
  const bytes = new TextEncoder().encode(text);
  const data = request.responseType === 'arraybuffer' ? bytes.buffer : text;
  return { status: reply.status, statusText: String(reply.status), headers, config: request, request: {}, data };
}

/** As axios's own adapters do: reject statuses `validateStatus` refuses. */
function settle(resolve: (r: AxiosResponse) => void, reject: (e: unknown) => void, response: AxiosResponse): void {
  const validate = response.config.validateStatus;
  if (!validate || validate(response.status)) return resolve(response);
  const code = response.status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST;
  reject(new AxiosError(`Request failed with status code ${response.status}`, code, response.config, response.request, response));
}

function lowerCase(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (value !== undefined && value !== null && value !== false) out[key.toLowerCase()] = String(value);
  }
  return out;
}
