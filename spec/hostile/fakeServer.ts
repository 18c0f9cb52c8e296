import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the fake server saw it. */
export interface Seen {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** What a route answers: a status, a JSON body (or text) and headers; `hang` never answers. */
export type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | 'hang';

/** A `node:http` server on 127.0.0.1 answering by route, recording requests and hang-ups. */
export interface FakeServer {
  url: string;
  host: string;
  seen: Seen[];
  /** Paths of requests the client hung up on before the answer. */
  aborted: string[];
  close(): Promise<void>;
}

/**
 * Starts a fake server whose `route(seen)` picks each reply (a hostile server: it echoes,
 * redirects, hangs); every request is recorded, so a test can prove what was never sent.
 */
export async function fakeServer(route: (req: Seen) => Reply): Promise<FakeServer> {
  const seen: Seen[] = [];
  const aborted: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const s: Seen = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
      seen.push(s);
      res.on('close', () => {
        if (!res.writableFinished) aborted.push(s.path);
      });
      const reply = route(s);
      if (reply === 'hang') return;
      const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    seen,
    aborted,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A token endpoint answer. */
export const tokenReply = (token: string, extra: Record<string, unknown> = {}): Reply => ({
  status: 200,
  body: { access_token: token, expires_in: 3600, token_type: 'Bearer', ...extra },
});

/** A synchronous sentiment answer for `n` inputs. */
export const sentimentReply = (n = 1): Reply => ({
  status: 200,
  body: { results: Array.from({ length: n }, () => ({ sentiment: 'positive', confidence: 0.9 })), requestId: 'r' },
});
