import { adminRoute, type AdminState } from './adminRoute';
import { issueToken, resultDocument, routeApi, type ApiReply, type ApiRequest, type ApiState } from './api';
import type { FaultAction, FaultInjector } from './faults';
import { EXCHANGE_FAULTS } from './faultReply';
import type { TokenBucket } from './rateLimiter';

/** A request as any transport hands it over: method, target, headers, the raw body text. */
export interface RawRequest {
  method: string;
  url: URL;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** What the routes share beyond the API's own state. */
export interface RouteContext {
  state: ApiState;
  admin: AdminState;
  faults: FaultInjector;
  /** The rate limiter, when one is on. */
  bucket(): TokenBucket | undefined;
}

/** The outcome of routing: an exchange fault to apply (if any) and the answer, computed on demand. */
export interface Routed {
  fault?: FaultAction;
  /** The faults applied, for the journal (`status 503`, `job-failure`, ...). */
  applied: string[];
  answer(): ApiReply;
}

/**
 * Routes one request: admin (`/_emulator/...`), token, result links, then the API under
 * `/v1` behind the rate limiter. Pure apart from the emulator's state: no sockets, so an
 * in-memory transport (an axios adapter) can drive it as the `node:http` adapter does.
 *
 * @example
 * const routed = routeRequest({ method: 'GET', url: new URL('http://x/v1/health'), headers: {}, body: '' }, ctx);
 * routed.answer(); // { status: 200, body: { status: 'ok', ... } }
 */
export function routeRequest(req: RawRequest, ctx: RouteContext): Routed {
  const { method, url } = req;
  const path = url.pathname;
  const applied: string[] = [];
  if (path.startsWith('/_emulator/')) return { applied, answer: () => adminRoute(method, path, req.body, ctx.admin) };
  const faultPath = path.startsWith('/v1/') ? path.slice(3) : path;
  const fault = ctx.faults.match(method, faultPath, EXCHANGE_FAULTS);
  if (fault) applied.push(fault.type === 'status' ? `status ${fault.status}` : fault.type);
  const takeFault = (...types: FaultAction['type'][]) => {
    const semantic = ctx.faults.match(method, faultPath, types);
    if (semantic) applied.push(semantic.type);
    return semantic;
  };
  const answer = (): ApiReply => {
    let body: unknown;
    try {
      body = parseBody(req.body, String(req.headers['content-type'] ?? ''));
    } catch {
      return { status: 400, body: { code: 'validation_error', message: 'Malformed JSON body' } };
    }
    const api: ApiRequest = { method, path: faultPath, query: url.searchParams, headers: req.headers, body, takeFault };
    if (path === '/oauth/token' && method === 'POST') return issueToken(api, ctx.state);
    if (path.startsWith('/results/') && method === 'GET') return resultDocument(path, url.searchParams, ctx.state);
    if (!path.startsWith('/v1/')) return { status: 404, body: { code: 'not_found', message: `No route for ${method} ${path}` } };
    const wait = ctx.bucket()?.take() ?? 0;
    if (wait > 0) return rateLimited(wait);
    return routeApi(api, ctx.state);
  };
  return { fault, applied, answer };
}

function rateLimited(waitMs: number): ApiReply {
  return {
    status: 429,
    body: { code: 'rate_limited', message: 'Too many requests' },
    headers: { 'retry-after': String(Math.ceil(waitMs / 1000)), 'retry-after-ms': String(waitMs) },
  };
}

function parseBody(raw: string, contentType: string): unknown {
  if (raw === '') return undefined;
  if (contentType.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  return JSON.parse(raw) as unknown;
}
