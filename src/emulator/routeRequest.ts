import { adminRoute, type AdminState } from './adminRoute';
import { issueToken, resultDocument, type ApiReply, type ApiRequest, type ApiState } from './api';
import { applyQuirks } from './applyQuirks';
import type { FaultAction, FaultInjector } from './faults';
import { EXCHANGE_FAULTS, faultReply, type FaultReply } from './faultReply';
import type { TokenBucket } from './rateLimiter';
import type { ReplayCassettes } from './ReplayCassettes';
import { authorize } from './authorizationCode';
import { idempotentAnswer, type Answered } from './idempotentAnswer';

/** A request as any transport hands it over: method, target, headers, the raw body text. */
export interface RawRequest {
  method: string;
  url: URL;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Ms since the request arrived (latency faults count from arrival). @default () => 0 */
  elapsed?: () => number;
}

/** What the routes share beyond the API's own state. */
export interface RouteContext {
  state: ApiState;
  admin: AdminState;
  faults: FaultInjector;
  /** Recorded answers served before local analysis (`--replay`). */
  replay?: ReplayCassettes;
  /** The rate limiter, when one is on. */
  bucket(): TokenBucket | undefined;
}

/** The outcome of routing: what the transport does (send, delay, break) and the faults applied. */
export interface Routed {
  action: FaultReply;
  /** The faults applied, for the journal (`status 503`, `job-failure`, ...). */
  applied: string[];
  /** The answer given earlier to the same `Idempotency-Key`, sent again without doing anything. */
  replayed?: true;
  /** The id of the job this request created, even when a fault then drops the answer. */
  createdJob?: string;
}

/**
 * Routes one request: admin (`/_emulator/...`), token, result links, then the API under
 * `/v1` behind the rate limiter. Pure apart from the emulator's state: no sockets, so an
 * in-memory transport (an axios adapter) can drive it as the `node:http` adapter does.
 *
 * @example
 * const routed = routeRequest({ method: 'GET', url: new URL('http://x/v1/health'), headers: {}, body: '' }, ctx);
 * routed.action; // { kind: 'send', reply: { status: 200, body: { status: 'ok', ... } } }
 */
export function routeRequest(req: RawRequest, ctx: RouteContext): Routed {
  const { method, url } = req;
  const path = url.pathname;
  const applied: string[] = [];
  let answered: Answered | undefined;
  if (path.startsWith('/_emulator/')) return { applied, action: { kind: 'send', reply: adminRoute(method, path, req.body, ctx.admin) } };
  const faultPath = path.startsWith('/v1/') ? path.slice(3) : path;
  const fault = ctx.faults.match(method, faultPath, EXCHANGE_FAULTS);
  if (fault) applied.push(fault.type === 'status' ? `status ${fault.status}` : fault.type);
  const takeFault = (...types: FaultAction['type'][]) => {
    const semantic = ctx.faults.match(method, faultPath, types);
    if (semantic) applied.push(semantic.type);
    return semantic;
  };
  const { state } = ctx;
  const finish = (reply: ApiReply, fault = false): ApiReply => {
    const at = { method, path: faultPath };
    return applyQuirks(state.strict ? state.strict.check(at, reply, fault) : reply, at, state.quirks);
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
    if (path === '/authorize' && method === 'GET') return authorize(url.searchParams, ctx.state);
    if (path.startsWith('/results/') && method === 'GET') return resultDocument(path, url.searchParams, ctx.state);
    if (!path.startsWith('/v1/')) return { status: 404, body: { code: 'not_found', message: `No route for ${method} ${path}` } };
    // Recorded answers are the real service's: neither checked nor reshaped.
    const recorded = ctx.replay?.take(method, faultPath, url.search, req.body);
    if (recorded) return recorded;
    const wait = ctx.bucket()?.take() ?? 0;
    if (wait > 0) return finish(rateLimited(wait));
    answered = idempotentAnswer(api, faultPath + url.search, state, finish);
    return answered.reply;
  };
  const routed = (action: FaultReply): Routed => ({ applied, replayed: answered?.replayed, createdJob: answered?.createdJob, action });
  if (!fault) return routed({ kind: 'send', reply: answer() });
  const action = faultReply(fault, answer, req.elapsed ?? (() => 0));
  // A status fault's own reply is held to the spec too, unless its body was given on purpose.
  if (action.kind === 'send' && fault.type === 'status' && !fault.body && path.startsWith('/v1/')) action.reply = finish(action.reply, true);
  // An answer held back is still in progress for its key: a repeat meanwhile answers 409.
  if (action.kind === 'delay' && answered?.kept) state.idempotency?.holdUntil(answered.kept, state.now() + action.ms);
  return routed(action);
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
