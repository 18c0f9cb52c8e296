import { LIMITS } from '../schemas/limits';
import { usageOf, type Analyst, type Feature } from './analyze';
import { hexId } from './analysis/text';
import type { FaultAction } from './faults';
import { jobDurationMs, jobItems, type JobDurationModel } from './jobDuration';
import type { JobStore } from './JobStore';
import { userGrant } from './authorizationCode';
import { balanceOf, spend } from './creditLedger';
import { cancelJob, cancelledStatus, unknownYet, type JobLifecycleOptions } from './jobLifecycle';
import { signJwt, signLink, verifyJwt } from './jwt';
import type { SpecValidator, ValidationIssue } from './validator';

/** A parsed request, as the routes see it. */
export interface ApiRequest {
  method: string;
  /** Path under `/v1` for API routes, else the full path. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  /** Consumes a matching fault of one of these kinds, at the moment it applies. */
  takeFault(...types: FaultAction['type'][]): FaultAction | undefined;
}

/** What a route answers. */
export interface ApiReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Everything the routes read or change. */
export interface ApiState {
  seed: number;
  origin: string;
  secret: string;
  clientId: string;
  clientSecret: string;
  requireAuth: boolean;
  tokenTtlSeconds: number;
  resultTtlMs: number;
  jobDurationMs: number;
  jobDuration?: JobDurationModel;
  quirks: { textPlain400?: boolean; camelCaseJobs?: boolean };
  analyst: Analyst;
  jobs: JobStore;
  lifecycle: Required<JobLifecycleOptions>;
  validator: SpecValidator;
  now: () => number;
  startedAt: number;
}

const FEATURES: Record<string, Feature> = {
  '/sentiment': 'sentiment',
  '/embeddings': 'embeddings',
  '/similarity': 'similarity',
  '/themes': 'themes',
  '/clustering': 'clustering',
  '/extractions': 'extractions',
  '/summaries': 'summaries',
  '/data-dictionary': 'data-dictionary',
};
const SYNC_LIMIT: Partial<Record<Feature, number>> = {
  sentiment: LIMITS.sentiment.sync,
  embeddings: LIMITS.embeddings.sync,
  themes: LIMITS.themes.sync,
  clustering: LIMITS.clustering.sync,
  extractions: LIMITS.extractions.sync,
  summaries: LIMITS.summaries.sync,
};
const PUBLIC = new Set(['/health', '/usage/estimate']);

const error = (status: number, code: string, message: string, errors?: ValidationIssue[]): ApiReply => ({
  status,
  body: { code, message, ...(errors ? { errors } : {}) },
});

/** Routes a request under `/v1`. */
export function routeApi(req: ApiRequest, s: ApiState): ApiReply {
  if (!PUBLIC.has(req.path) && s.requireAuth) {
    const header = String(req.headers.authorization ?? '');
    const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
    if (!token || !verifyJwt(token, s.secret, s.now())) return error(401, 'unauthorized', token ? 'Invalid or expired token' : 'Missing bearer token');
  }
  const feature = FEATURES[req.path];
  if (feature && req.method === 'POST') return analysis(feature, req, s);
  if (req.path === '/jobs' && req.method === 'GET') return jobStatus(req, s);
  if (req.path.startsWith('/jobs/') && req.method === 'DELETE') return cancelJob(req, s);
  if (req.path === '/health' && req.method === 'GET') return health(s);
  if (req.path === '/usage/estimate' && req.method === 'POST') return estimate(req, s);
  const org = /^\/credits\/organizations\/([^/]+)$/.exec(req.path);
  if (org && req.method === 'GET') return credits(org[1]!, s);
  return error(404, 'not_found', `No route for ${req.method} /v1${req.path}`);
}

function credits(encoded: string, s: ApiState): ApiReply {
  let organizationId: string;
  try {
    organizationId = decodeURIComponent(encoded);
  } catch {
    return error(400, 'validation_error', 'organizationId: invalid percent-encoding', [
      { message: 'Invalid percent-encoding', location: 'path', field: 'organizationId', path: ['organizationId'] },
    ]);
  }
  return { status: 200, body: { organizationId, balance: balanceOf(s), currency: 'credits', emulated: true } };
}

function invalid(s: ApiState, message: string, errors: ValidationIssue[]): ApiReply {
  if (s.quirks.textPlain400) {
    const zodish = errors.map((e) => ({ code: 'invalid_type', path: ['body', ...e.path], message: e.message }));
    return { status: 400, body: `Failed to parse schema. This error was caused by: ${JSON.stringify(zodish, null, 2)}`, headers: { 'content-type': 'text/plain' } };
  }
  return error(400, 'validation_error', message, errors);
}

function analysis(feature: Feature, req: ApiRequest, s: ApiState): ApiReply {
  const issues = s.validator.requestBody(`/${feature}`, req.body);
  if (issues.length) return invalid(s, issues[0]!.field ? `${issues[0]!.field}: ${issues[0]!.message}` : issues[0]!.message, issues);
  const body = req.body as Record<string, unknown>;
  const fast = body.fast === true;
  if (feature === 'data-dictionary' && fast) {
    return error(400, 'invalid_request', 'Data dictionary generation only supports asynchronous mode (fast=false)', [
      { message: 'Fast mode not supported', location: 'body', field: 'fast', path: ['fast'] },
    ]);
  }
  const syncIssue = fast ? syncLimit(feature, body) : undefined;
  if (syncIssue) return invalid(s, syncIssue.message, [syncIssue]);
  const key = `${feature}:${JSON.stringify(body)}`;
  const requestId = hexId(key, s.seed);
  const result = { ...s.analyst.run(feature, body), requestId, usage: usageOf(feature, body) };
  spend(s, result.usage.total);
  if (fast) return { status: 200, body: result };
  const fault = req.takeFault('job-failure', 'job-stuck');
  const n = s.jobs.nextId();
  const id = `task/emulator/${hexId(`${key}#${n}`, s.seed)}`;
  const resultId = `${hexId(`${id}:result`, s.seed)}`;
  const now = s.now();
  s.jobs.add({
    id,
    feature,
    createdAt: now,
    readyAt: now + (s.jobDuration ? jobDurationMs(s.jobDuration, feature, jobItems(feature, body), s.seed, n) : s.jobDurationMs),
    failure: fault?.type === 'job-failure' ? (fault.detail ?? 'Job failed (emulated fault)') : undefined,
    stuck: fault?.type === 'job-stuck',
    resultId,
    result: JSON.stringify({ ...result, requestId: resultId }),
  });
  return { status: 202, body: s.quirks.camelCaseJobs ? { jobId: id } : { job_id: id } };
}

function syncLimit(feature: Feature, body: Record<string, unknown>): ValidationIssue | undefined {
  if (feature === 'similarity') {
    const set = body.set as string[] | undefined;
    if (set && set.length > LIMITS.similarity.selfSync) return tooMany('set', LIMITS.similarity.selfSync);
    const pairs = ((body.set_a as string[] | undefined)?.length ?? 0) * ((body.set_b as string[] | undefined)?.length ?? 0);
    if (pairs > LIMITS.similarity.crossSync) return { message: `|set_a|×|set_b| must be at most ${LIMITS.similarity.crossSync} in synchronous mode`, path: ['set_a'], field: 'set_a', location: 'body' };
    return undefined;
  }
  const max = SYNC_LIMIT[feature];
  const inputs = body.inputs as string[] | undefined;
  return max !== undefined && inputs && inputs.length > max ? tooMany('inputs', max) : undefined;
}

function tooMany(field: string, max: number): ValidationIssue {
  return { message: `${field} must be an array of up to ${max} strings in synchronous mode`, path: [field], field, location: 'body' };
}

function jobStatus(req: ApiRequest, s: ApiState): ApiReply {
  const id = req.query.get('jobId');
  if (!id) return error(400, 'missing_parameter', 'Missing jobId query parameter', [{ message: 'Provide ?jobId=...', location: 'query', field: 'jobId', path: ['jobId'] }]);
  const job = s.jobs.get(id);
  if (!job || unknownYet(job, s)) return error(404, 'not_found', 'Job not found');
  const cancelled = cancelledStatus(job);
  if (cancelled) return cancelled;
  const now = s.now();
  const camel = s.quirks.camelCaseJobs;
  if (job.stuck || now < job.readyAt) {
    const queued = now < job.createdAt + (job.readyAt - job.createdAt) / 3;
    return { status: 200, body: { ...(camel ? {} : { job_id: job.id }), status: queued ? 'queued' : 'pending' } };
  }
  if (job.failure) return { status: 200, body: { job_id: job.id, status: 'failed', error: job.failure } };
  const expires = req.takeFault('expired-link') ? now - 1 : now + s.resultTtlMs;
  const path = `/results/${job.feature}/${job.resultId}.json`;
  const url = `${s.origin}${path}?expires=${expires}&signature=${signLink(path, expires, s.secret)}`;
  return {
    status: 200,
    body: camel ? { jobId: job.resultId, status: 'completed', resultUrl: url } : { job_id: job.resultId, status: 'completed', result_url: url },
  };
}

/** `GET /results/...`: a pre-signed link; no bearer needed, 403 when expired or tampered with. */
export function resultDocument(path: string, query: URLSearchParams, s: ApiState): ApiReply {
  const expires = Number(query.get('expires'));
  const signature = query.get('signature') ?? '';
  const denied = (why: string): ApiReply => ({
    status: 403,
    body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>${why}</Message></Error>`,
    headers: { 'content-type': 'application/xml' },
  });
  if (!Number.isFinite(expires) || signLink(path, expires, s.secret) !== signature) return denied('Request signature does not match');
  if (expires <= s.now()) return denied('Request has expired');
  const resultId = /\/([^/]+)\.json$/.exec(path)?.[1] ?? '';
  const doc = s.jobs.result(resultId);
  if (!doc) return { status: 404, body: '<Error><Code>NoSuchKey</Code></Error>', headers: { 'content-type': 'application/xml' } };
  return { status: 200, body: doc, headers: { 'content-type': 'application/json' } };
}

/** `POST /oauth/token`: client credentials (form or JSON), or a user's code or refresh token, answering a signed JWT. */
export function issueToken(req: ApiRequest, s: ApiState): ApiReply {
  const fault = req.takeFault('token-failure');
  if (fault?.type === 'token-failure') return { status: fault.status ?? 503, body: { error: 'temporarily_unavailable', error_description: 'Emulated token endpoint failure' } };
  const b = (req.body ?? {}) as Record<string, unknown>;
  const user = userGrant(req, s);
  if (user && 'status' in user) return user;
  if (!user && b.grant_type !== 'client_credentials') return { status: 400, body: { error: 'unsupported_grant_type', error_description: 'Only client_credentials, authorization_code and refresh_token are supported' } };
  if (!user && (b.client_id !== s.clientId || b.client_secret !== s.clientSecret)) return { status: 401, body: { error: 'access_denied', error_description: 'Unauthorized' } };
  const organization = user ? user.organization : typeof b.organization === 'string' ? b.organization : undefined;
  const iat = Math.floor(s.now() / 1000);
  // `exp` is in whole seconds: round up so a token never dies before its `expires_in`.
  const exp = Math.ceil(s.now() / 1000) + s.tokenTtlSeconds;
  const sub = user ? 'auth0|emulated-user' : `${s.clientId}@clients`;
  const claims = { iss: `${s.origin}/`, sub, aud: b.audience ?? 'https://core.researchwiseai.com/pulse/v1', iat, exp, emulator: true };
  const token = signJwt(organization ? { ...claims, org_id: organization } : claims, s.secret);
  const refresh = user ? { refresh_token: user.refreshToken } : {};
  return { status: 200, body: { access_token: token, expires_in: s.tokenTtlSeconds, token_type: 'Bearer', ...refresh } };
}

function health(s: ApiState): ApiReply {
  const ok = { status: 'ok', latency_ms: 0 };
  return {
    status: 200,
    body: { status: 'ok', region: 'emulator', version: `pulse-rx-emulator (engine: ${s.analyst.engine})`, time: new Date(s.now()).toISOString(), uptime_s: Math.floor((s.now() - s.startedAt) / 1000), checks: { events: ok, files: ok, db: ok, auth: ok } },
  };
}

function estimate(req: ApiRequest, s: ApiState): ApiReply {
  const body = req.body as { feature?: string; inputs?: unknown };
  const issues = s.validator.requestBody('/usage/estimate', body);
  if (issues.length) return invalid(s, issues[0]!.message, issues);
  const feature = body.feature as Feature;
  const inputs = body.inputs as string[];
  const usage = feature === 'data-dictionary' ? { records: [{ feature, quantity: Math.ceil(inputs.length / 100) }], total: Math.ceil(inputs.length / 100) } : usageOf(feature, { inputs });
  return { status: 200, body: { usage } };
}
