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
import { shapeResult } from './applyQuirks';
import { documentedMessage, specRules } from './specRules';
import { charge, organizationRefusal, type OrganizationState } from './organization';
import type { EmulatorProfile, EmulatorQuirks } from './profiles';
import type { StrictAudit } from './StrictAudit';
import type { IdempotencyKeys } from './IdempotencyKeys';
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
  /** Not sent: a pending job in its first third (for the `queuedStatus` quirk). */
  queued?: boolean;
  /** Not sent: a failed job's detail (for the `failureMessage` quirk). */
  failure?: string;
  /** Not sent: the validation issues behind a 400 (for the `textPlain400` quirk). */
  issues?: ValidationIssue[];
}

/** Everything the routes read or change. */
export interface ApiState {
  profile: EmulatorProfile;
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
  quirks: Required<EmulatorQuirks>;
  /** Job durations are divided by this (tests run the hosted timings faster). */
  speedUp: number;
  /** The emulated organisation, when the `organization` option is set. */
  organization?: OrganizationState;
  /** Strict mode: checks every answer against the spec's response schemas. */
  strict?: StrictAudit;
  /** The answers kept under `Idempotency-Key`s; undefined when the emulator ignores the header. */
  idempotency?: IdempotencyKeys;
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
    const claims = token ? verifyJwt(token, s.secret, s.now()) : undefined;
    if (!claims) return error(401, 'unauthorized', token ? 'Invalid or expired token' : 'Missing bearer token');
    const refused = s.organization && organizationRefusal(s.organization, claims, req.path);
    if (refused) return refused;
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
  return { status: 200, body: { organizationId, balance: s.organization?.balance ?? balanceOf(s), currency: 'credits', emulated: true } };
}

function invalid(message: string, errors: ValidationIssue[]): ApiReply {
  const sent = errors.map(({ expected: _e, received: _r, ...issue }) => issue);
  return { ...error(400, 'validation_error', message, sent), issues: errors };
}

function analysis(feature: Feature, req: ApiRequest, s: ApiState): ApiReply {
  const documented = specRules(`/${feature}`, req.body);
  if (documented) return documented;
  const issues = s.validator.requestBody(`/${feature}`, req.body);
  if (issues.length) {
    const first = issues[0]!;
    return invalid(documentedMessage(`/${feature}`) ?? (first.field ? `${first.field}: ${first.message}` : first.message), issues);
  }
  const body = req.body as Record<string, unknown>;
  const fast = body.fast === true;
  const syncIssue = fast ? syncLimit(feature, body) : undefined;
  if (syncIssue) return invalid(syncIssue.message, [syncIssue]);
  const key = `${feature}:${JSON.stringify(body)}`;
  const requestId = hexId(key, s.seed);
  const usage = usageOf(feature, body);
  const short = charge(s.organization, usage.total);
  if (short) return short;
  spend(s, usage.total);
  const result = { ...s.analyst.run(feature, body), requestId, usage };
  if (fast) return { status: 200, body: result };
  s.strict?.result(feature, result);
  const fault = req.takeFault('job-failure', 'job-stuck');
  const n = s.jobs.nextId();
  const id = `task/emulator/${hexId(`${key}#${n}`, s.seed)}`;
  const resultId = `${hexId(`${id}:result`, s.seed)}`;
  const now = s.now();
  const durationMs = s.jobDuration ? jobDurationMs(s.jobDuration, feature, jobItems(feature, body), s.seed, n) : s.jobDurationMs;
  s.jobs.add({
    id,
    feature,
    createdAt: now,
    readyAt: now + Math.round(durationMs / s.speedUp),
    failure: fault?.type === 'job-failure' ? (fault.detail ?? 'Job failed (emulated fault)') : undefined,
    stuck: fault?.type === 'job-stuck',
    resultId,
    result: JSON.stringify(shapeResult(feature, { ...result, requestId: resultId }, s.quirks)),
  });
  return { status: 202, body: { job_id: id } };
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
  if (job.stuck || now < job.readyAt) {
    const queued = now < job.createdAt + (job.readyAt - job.createdAt) / 3;
    return { status: 200, body: { job_id: job.id, status: 'pending' }, queued };
  }
  if (job.failure) return { status: 200, body: { job_id: job.id, status: 'failed' }, failure: job.failure };
  const expires = req.takeFault('expired-link') ? now - 1 : now + s.resultTtlMs;
  const path = `/results/${job.feature}/${job.resultId}.json`;
  const url = `${s.origin}${path}?expires=${expires}&signature=${signLink(path, expires, s.secret)}`;
  return { status: 200, body: { job_id: job.resultId, status: 'completed', result_url: url } };
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
  // The organisation asked for (client credentials' `organization`, a PKCE login's) wins over the emulated one.
  const emulated = s.organization ? (s.organization.id === undefined ? {} : { org_id: s.organization.id }) : { org_id: 'emulator-org' };
  const org = organization ? { org_id: organization } : emulated;
  const claims = { iss: `${s.origin}/`, sub, aud: b.audience ?? 'https://core.researchwiseai.com/pulse/v1', iat, exp, ...org };
  const token = signJwt({ ...claims, emulator: true }, s.secret);
  const refresh = user ? { refresh_token: user.refreshToken } : {};
  return { status: 200, body: { access_token: token, expires_in: s.tokenTtlSeconds, token_type: 'Bearer', ...refresh } };
}

function health(s: ApiState): ApiReply {
  const ok = { status: 'ok', latency_ms: 0 };
  return {
    status: 200,
    body: { status: 'ok', region: 'emulator', version: `pulse-rx-emulator (engine: ${s.analyst.engine}; sentiment: ${s.analyst.sentimentReader})`, time: new Date(s.now()).toISOString(), uptime_s: Math.floor((s.now() - s.startedAt) / 1000), checks: { events: ok, files: ok, db: ok, auth: ok } },
  };
}

function estimate(req: ApiRequest, s: ApiState): ApiReply {
  const body = req.body as { feature?: string; inputs?: unknown };
  const documented = specRules('/usage/estimate', body);
  if (documented) return documented;
  const issues = s.validator.requestBody('/usage/estimate', body);
  if (issues.length) return invalid(issues[0]!.message, issues);
  const feature = body.feature as Feature;
  const inputs = body.inputs as string[];
  const usage = feature === 'data-dictionary' ? { records: [{ feature, quantity: Math.ceil(inputs.length / 100) }], total: Math.ceil(inputs.length / 100) } : usageOf(feature, { inputs });
  return { status: 200, body: { usage } };
}
