import type http from 'node:http';
import { startRecordingServer } from '../helpers/recordingServer';

/** One request as the fake server saw it. */
export interface Seen {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** What a route answers: a status, a JSON body (or text) and headers; `hang` never answers. */
export type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | 'hang';

/** The recording server on 127.0.0.1, answering by route and keeping each request's body. */
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
  const server = await startRecordingServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const s: Seen = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
      seen.push(s);
      const reply = route(s);
      if (reply === 'hang') return;
      const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(text);
    });
  });
  return { url: server.url, host: new URL(server.url).host, seen, aborted: server.aborted, close: server.close };
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
