import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Analyst } from './analyze';
import { issueToken, resultDocument, routeApi, type ApiReply, type ApiRequest, type ApiState } from './api';
import type { EmulatorOptions, JournalEntry } from './EmulatorOptions';
import { adminRoute } from './adminRoute';
import { authorize } from './authorizationCode';
import { resetLedger } from './creditLedger';
import { FaultInjector, parseFaults, type FaultAction, type FaultRule } from './faults';
import { adminRefusal, hostName } from './hostGuard';
import { checkJobDurationModel } from './jobDuration';
import { checkJobLifecycle } from './jobLifecycle';
import { connectionNumbers } from './connectionNumbers';
import { JobStore } from './JobStore';
import { TokenBucket } from './rateLimiter';
import { SpecValidator } from './validator';

/** A running emulator. */
export interface Emulator {
  /** Base URL with the version path, e.g. `http://127.0.0.1:4010/v1`. */
  url: string;
  origin: string;
  port: number;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Every request seen so far. */
  journal(): JournalEntry[];
  /** When a job was submitted and when it is due (done), in the emulator's clock; `undefined` for an unknown id. */
  job(id: string): { createdAt: number; readyAt: number } | undefined;
  /** The fault rules, changeable at run time. */
  faults: FaultInjector;
  /** Forget jobs, journal and rate-limit state; restore the start-up fault rules. */
  reset(): void;
  /** Stops listening and closes every socket and timer. */
  close(): Promise<void>;
}

/** Faults applied to the exchange itself; the others apply where their moment comes (job, link, token). */
const GENERIC: FaultAction['type'][] = ['latency', 'status', 'reset', 'close-mid-body', 'hang', 'malformed'];

/**
 * Starts the Pulse API emulator on loopback: every endpoint of the spec under `/v1`,
 * deterministic local analysis, jobs with signed result links, OAuth2 client credentials,
 * fault injection and a request journal. Node only.
 *
 * @example
 * import { startEmulator } from 'pulse-rx/emulator';
 * const emulator = await startEmulator({ port: 0, seed: 7 });
 * const client = PulseClient.withClientCredentials({ baseUrl: emulator.url, tokenUrl: emulator.tokenUrl,
 *   clientId: emulator.clientId, clientSecret: emulator.clientSecret });
 * await emulator.close();
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const now = options.now ?? Date.now;
  const seed = options.seed ?? 42;
  const initialFaults: FaultRule[] = options.faults ?? parseFaults(process.env.PULSE_EMULATOR_FAULTS);
  const faults = new FaultInjector(seed, initialFaults);
  const journal: JournalEntry[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const maxBody = options.maxBodyBytes ?? 10 * 1024 * 1024;
  const makeBucket = () => (options.rateLimit ? new TokenBucket(options.rateLimit.rps, options.rateLimit.burst ?? options.rateLimit.rps, now) : undefined);
  let bucket = makeBucket();

  const state: ApiState = {
    seed,
    origin: '',
    secret: createHash('sha256').update(`pulse-emulator:${seed}`).digest('hex'),
    clientId: options.clientId ?? 'emulator-client',
    clientSecret: options.clientSecret ?? 'emulator-secret',
    requireAuth: options.requireAuth ?? true,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    resultTtlMs: options.resultTtlMs ?? 3_600_000,
    jobDurationMs: options.jobDurationMs ?? 300,
    jobDuration: options.jobDuration === undefined ? undefined : checkJobDurationModel(options.jobDuration),
    quirks: options.quirks ?? {},
    analyst: new Analyst(seed, options.embeddingDimensions ?? 3072),
    jobs: new JobStore(),
    lifecycle: checkJobLifecycle({ cancelJobs: options.cancelJobs, unknownNewJobsMs: options.quirks?.unknownNewJobsMs }),
    validator: new SpecValidator(),
    now,
    startedAt: now(),
  };

  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };

  /** Host names besides loopback that admin routes accept (set once listening). */
  const ownHosts: string[] = [];

  const connectionOf = connectionNumbers();
  const server = http.createServer((req, res) => {
    const entry: JournalEntry = {
      seq: journal.length + 1,
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      status: 0,
      authorization: req.headers.authorization !== undefined,
      idempotencyKey: req.headers['idempotency-key'] as string | undefined,
      at: now(),
      doneAt: 0,
      connection: connectionOf(req.socket),
    };
    journal.push(entry);
    res.on('close', () => {
      entry.doneAt = now();
      entry.status = res.headersSent ? res.statusCode : 0;
    });
    res.setHeader('x-pulse-emulator', 'pulse-rx');
    const url = parseTarget(req.url, state.origin);
    if (!url) return refuse(req, res, 400, 'bad_request', 'Invalid request target');
    const path = url.pathname;
    if (path.startsWith('/_emulator/')) {
      const refused = adminRefusal(req.method ?? 'GET', req.headers, ownHosts);
      if (refused) return refuse(req, res, 403, 'forbidden', refused);
    } else if (isApiPath(path)) {
      // The API is open to browser apps on any origin, as the hosted one: bearer tokens, no cookies.
      res.setHeader('access-control-allow-origin', '*');
      res.setHeader('access-control-expose-headers', 'retry-after, x-pulse-emulator');
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
          'access-control-allow-headers': 'authorization, content-type, idempotency-key, x-pulse-client',
          'access-control-max-age': '600',
        });
        res.end();
        return;
      }
    }
    readBody(req, maxBody).then(
      (raw) => {
        try {
          handle(req, res, raw, entry, url);
        } catch {
          // A bug must cost one answer, never the process (tests and the CLI embed it).
          if (res.headersSent) res.destroy();
          else send(res, { status: 500, body: { code: 'internal_error', message: 'The emulator failed on this request' } });
        }
      },
      () => send(res, { status: 413, body: { code: 'payload_too_large', message: `Request body exceeds ${maxBody} bytes` } }),
    );
  });

  function handle(req: http.IncomingMessage, res: http.ServerResponse, raw: string, entry: JournalEntry, url: URL) {
    const method = req.method ?? 'GET';
    const path = url.pathname;
    if (path.startsWith('/_emulator/')) return send(res, adminRoute(method, path, raw, { journal, faults, reset: () => handle_.reset() }));
    const faultPath = path.startsWith('/v1/') ? path.slice(3) : path;
    const fault = faults.match(method, faultPath, GENERIC);
    if (fault) entry.fault = fault.type === 'status' ? `status ${fault.status}` : fault.type;
    const takeFault = (...types: FaultAction['type'][]) => {
      const semantic = faults.match(method, faultPath, types);
      if (semantic) entry.fault = semantic.type;
      return semantic;
    };
    const reply = (): ApiReply => {
      let body: unknown;
      try {
        body = parseBody(raw, String(req.headers['content-type'] ?? ''));
      } catch {
        return { status: 400, body: { code: 'validation_error', message: 'Malformed JSON body' } };
      }
      const api: ApiRequest = { method, path: faultPath, query: url.searchParams, headers: req.headers, body, takeFault };
      if (path === '/oauth/token' && method === 'POST') return issueToken(api, state);
      if (path === '/authorize' && method === 'GET') return authorize(url.searchParams, state);
      if (path.startsWith('/results/') && method === 'GET') return resultDocument(path, url.searchParams, state);
      if (!path.startsWith('/v1/')) return { status: 404, body: { code: 'not_found', message: `No route for ${method} ${path}` } };
      const wait = bucket?.take() ?? 0;
      if (wait > 0) {
        return { status: 429, body: { code: 'rate_limited', message: 'Too many requests' }, headers: { 'retry-after': String(Math.ceil(wait / 1000)), 'retry-after-ms': String(wait) } };
      }
      return routeApi(api, state);
    };
    const proceed = () => send(res, reply());
    if (!fault) return proceed();
    switch (fault.type) {
      case 'latency': {
        // The answer takes `ms` from arrival, its computation included (as a real service's
        // latency would), rather than the computation plus `ms`.
        const due = performance.now() + fault.ms;
        const answer = reply();
        return later(Math.max(0, due - performance.now()), () => send(res, answer));
      }
      case 'status':
        return send(res, {
          status: fault.status,
          body: fault.body ?? { code: fault.status === 429 ? 'rate_limited' : 'emulated_fault', message: `Emulated ${fault.status}` },
          headers: fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {},
        });
      case 'reset':
        return req.socket.destroy();
      case 'close-mid-body':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '4096' });
        res.write('{"results":[{"sentiment":"pos');
        return later(5, () => req.socket.destroy());
      case 'hang':
        return; // never answers; close() or the client's timeout ends it
      case 'malformed':
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end('{"results": [{"sentiment": "positive", "confid');
      default:
        return proceed();
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  state.origin = `http://${host}:${port}`;
  ownHosts.push(hostName(address), ...(options.host ? [hostName(options.host)] : []));

  const handle_: Emulator = {
    url: `${state.origin}/v1`,
    origin: state.origin,
    port,
    tokenUrl: `${state.origin}/oauth/token`,
    clientId: state.clientId,
    clientSecret: state.clientSecret,
    journal: () => journal.map((e) => ({ ...e })),
    job: (id) => {
      const job = state.jobs.get(id);
      return job && { createdAt: job.createdAt, readyAt: job.readyAt };
    },
    faults,
    reset() {
      state.jobs.clear();
      resetLedger(state);
      journal.length = 0;
      faults.set(initialFaults);
      bucket = makeBucket();
    },
    close: () =>
      new Promise<void>((resolve) => {
        timers.forEach(clearTimeout);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return handle_;
}

function readBody(req: http.IncomingMessage, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        req.removeAllListeners('data');
        req.resume();
        reject(new Error('too large'));
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(raw: string, contentType: string): unknown {
  if (raw === '') return undefined;
  if (contentType.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  return JSON.parse(raw) as unknown;
}

function send(res: http.ServerResponse, reply: ApiReply): void {
  if (res.headersSent || res.destroyed) return;
  try {
    const isText = typeof reply.body === 'string';
    const payload = reply.body === undefined ? '' : isText ? (reply.body as string) : JSON.stringify(reply.body);
    res.writeHead(reply.status, { 'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json', ...reply.headers });
    res.end(payload);
  } catch {
    // Also called from timers (latency faults), where a throw would end the process.
    res.destroy();
  }
}

/** The request target as a URL (origin-form or absolute-form), or undefined when it is not one. */
function parseTarget(target: string | undefined, origin: string): URL | undefined {
  try {
    return new URL(target ?? '/', origin);
  } catch {
    return undefined;
  }
}

/** Paths of the API proper (CORS open); `/_emulator/` is the admin's. */
const isApiPath = (path: string) =>
  path.startsWith('/v1/') || path === '/oauth/token' || path === '/authorize' || path.startsWith('/results/');

/** Answers without reading the request further (its body is drained, never parsed). */
function refuse(req: http.IncomingMessage, res: http.ServerResponse, status: number, code: string, message: string): void {
  req.resume();
  send(res, { status, body: { code, message } });
}
