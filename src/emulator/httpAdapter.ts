import http from 'node:http';
import type { ApiReply } from './api';
import type { JournalEntry } from './EmulatorOptions';
import { TRUNCATED_BODY } from './faultReply';
import { adminRefusal } from './hostGuard';
import type { RawRequest, Routed } from './routeRequest';

/** What the `node:http` adapter needs from the emulator. */
export interface HttpAdapterContext {
  origin(): string;
  /** Host names besides loopback that admin routes accept. */
  ownHosts: string[];
  maxBodyBytes: number;
  journal: JournalEntry[];
  /** Numbers each request's connection (`JournalEntry.connection`). */
  connectionOf: (socket: import('node:net').Socket) => number;
  now(): number;
  route(req: RawRequest): Routed;
  /** Turns a reply into the bytes and headers sent (profile encodings). */
  encode(reply: ApiReply, req: RawRequest): { status: number; headers: Record<string, string>; payload: Buffer | string };
  /** Runs `fn` after `ms`; the emulator clears pending timers on close. */
  later(ms: number, fn: () => void): void;
}

/**
 * The `node:http` request handler: journal, CORS, admin refusal, body limit, then the
 * routes; exchange faults are carried out here since they act on the socket.
 *
 * @example
 * const server = http.createServer(httpAdapter(ctx));
 */
export function httpAdapter(ctx: HttpAdapterContext): http.RequestListener {
  return (req, res) => {
    const arrived = performance.now();
    const entry = journalEntry(req, ctx);
    res.on('close', () => {
      entry.doneAt = ctx.now();
      entry.status = res.headersSent ? res.statusCode : 0;
    });
    res.setHeader('x-pulse-emulator', 'pulse-rx');
    const url = parseTarget(req.url, ctx.origin());
    if (!url) return refuse(req, res, 400, 'bad_request', 'Invalid request target');
    const path = url.pathname;
    if (path.startsWith('/_emulator/')) {
      const refused = adminRefusal(req.method ?? 'GET', req.headers, ctx.ownHosts);
      if (refused) return refuse(req, res, 403, 'forbidden', refused);
    } else if (isApiPath(path)) {
      if (cors(req, res)) return;
    }
    readBody(req, ctx.maxBodyBytes).then(
      (body) => {
        const elapsed = () => performance.now() - arrived;
        const raw: RawRequest = { method: req.method ?? 'GET', url, headers: req.headers, body, elapsed };
        const write = (reply: ApiReply) => send(res, () => ctx.encode(reply, raw));
        try {
          const routed = ctx.route(raw);
          const { action } = routed;
          entry.fault = routed.applied.at(-1);
          if (routed.replayed) entry.replayed = true;
          if (routed.createdJob) entry.createdJob = routed.createdJob;
          switch (action.kind) {
            case 'send':
              return write(action.reply);
            case 'delay':
              return ctx.later(action.ms, () => write(action.reply));
            case 'reset':
              return req.socket.destroy();
            case 'close-mid-body':
              res.writeHead(200, { 'content-type': 'application/json', 'content-length': '4096' });
              res.write(TRUNCATED_BODY.slice(0, 30));
              return ctx.later(5, () => req.socket.destroy());
            case 'hang':
              return; // never answers; close() or the client's timeout ends it
            case 'malformed':
              res.writeHead(200, { 'content-type': 'application/json' });
              return res.end(TRUNCATED_BODY);
          }
        } catch {
          // A bug must cost one answer, never the process (tests and the CLI embed it).
          if (res.headersSent) res.destroy();
          else write({ status: 500, body: { code: 'internal_error', message: 'The emulator failed on this request' } });
        }
      },
      () => plain(res, 413, { code: 'payload_too_large', message: `Request body exceeds ${ctx.maxBodyBytes} bytes` }),
    );
  };
}

function journalEntry(req: http.IncomingMessage, ctx: HttpAdapterContext): JournalEntry {
  const entry: JournalEntry = {
    seq: ctx.journal.length + 1,
    method: req.method ?? 'GET',
    path: req.url ?? '/',
    status: 0,
    authorization: req.headers.authorization !== undefined,
    idempotencyKey: req.headers['idempotency-key'] as string | undefined,
    at: ctx.now(),
    doneAt: 0,
    connection: ctx.connectionOf(req.socket),
  };
  ctx.journal.push(entry);
  return entry;
}

/** The API is open to browser apps on any origin, as the hosted one: bearer tokens, no cookies. */
function cors(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('access-control-expose-headers', 'retry-after, x-pulse-emulator');
  if (req.method !== 'OPTIONS') return false;
  res.writeHead(204, {
    'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
    'access-control-allow-headers': 'authorization, content-type, idempotency-key, x-pulse-client',
    'access-control-max-age': '600',
  });
  res.end();
  return true;
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

type Encoded = { status: number; headers: Record<string, string>; payload: Buffer | string };

function send(res: http.ServerResponse, encode: () => Encoded): void {
  if (res.headersSent || res.destroyed) return;
  try {
    const { status, headers, payload } = encode();
    res.writeHead(status, headers);
    res.end(payload);
  } catch {
    // Also called from timers (latency faults), where a throw would end the process.
    res.destroy();
  }
}

/** A JSON answer outside the routes (refusals, body limit). */
function plain(res: http.ServerResponse, status: number, body: unknown): void {
  send(res, () => ({ status, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) }));
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
  plain(res, status, { code, message });
}
