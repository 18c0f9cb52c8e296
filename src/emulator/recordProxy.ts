import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PulseValidationError } from '../errors';
import { redactBody, type Cassette } from './Cassette';

/** Options of `recordProxy`. */
export interface RecordProxyOptions {
  /** Directory the cassette is written to (created if missing). */
  dir: string;
  /** Base URL of a real Pulse deployment, with its version path (e.g. `https://pulse.researchwiseai.com/v1`). */
  upstream: string;
  /** @default 0 */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
}

/** A running recorder. */
export interface RecordProxy {
  /** Base URL to point a client at, with `/v1`. */
  url: string;
  /** The cassette file being written. */
  file: string;
  /** Stops listening; the cassette keeps every exchange written so far. */
  close(): Promise<void>;
}

const HOP = new Set(['connection', 'content-length', 'content-encoding', 'transfer-encoding', 'keep-alive', 'host']);

/**
 * `pulse-emulator --record DIR --upstream URL`: proxies `/v1/...` to a real deployment and
 * writes what it sees as a cassette for `--replay` (after each exchange, so an interrupted
 * session keeps what it saw). Authorization headers are passed on, never written; tokens and
 * signed link query strings are redacted. Get tokens from the real token URL directly.
 *
 * @example
 * const recorder = await recordProxy({ dir: './cassettes', upstream: 'https://pulse.researchwiseai.com/v1' });
 */
export async function recordProxy(options: RecordProxyOptions): Promise<RecordProxy> {
  let upstream: URL;
  try {
    upstream = new URL(options.upstream.replace(/\/+$/, ''));
  } catch {
    throw new PulseValidationError('upstream', 'must be an absolute URL');
  }
  mkdirSync(options.dir, { recursive: true });
  const file = join(options.dir, `cassette-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const cassette: Cassette = { interactions: [] };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://proxy');
      if (!url.pathname.startsWith('/v1/')) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 'not_found', message: 'The recorder proxies /v1/... only' }));
        return;
      }
      const body = Buffer.concat(chunks).toString('utf8');
      const path = url.pathname.slice(3);
      const headers: Record<string, string> = {};
      for (const name of ['authorization', 'content-type', 'accept', 'idempotency-key']) {
        const v = req.headers[name];
        if (typeof v === 'string') headers[name] = v;
      }
      const method = req.method ?? 'GET';
      fetch(`${upstream.href}${path}${url.search}`, { method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : body })
        .then(async (answer) => {
          const text = await answer.text();
          const kept: Record<string, string> = {};
          answer.headers.forEach((value, name) => {
            if (!HOP.has(name.toLowerCase())) kept[name] = value;
          });
          res.writeHead(answer.status, kept);
          res.end(text);
          cassette.interactions.push({
            request: { method, path, query: url.search, body },
            response: { status: answer.status, headers: { 'content-type': answer.headers.get('content-type') ?? 'application/json' }, body: redactBody(text) },
          });
          writeFileSync(file, JSON.stringify(cassette, null, 2));
        })
        .catch((e: unknown) => {
          res.writeHead(502, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ code: 'bad_gateway', message: `upstream: ${(e as Error).message}` }));
        });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}/v1`,
    file,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
