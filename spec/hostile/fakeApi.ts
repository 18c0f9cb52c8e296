import type http from 'node:http';
import { PulseClient, StaticTokenAuth, type PulseClientOptions } from 'pulse-rx';
import { startRecordingServer, type RecordingServer } from '../helpers/recordingServer';

/** What a route answers: the JSON body (status 200), given the request's JSON body. */
export type Route = (body: Record<string, unknown>, n: number) => unknown;

/** A hostile API on 127.0.0.1: each POST path answers what its route returns. */
export interface FakeApi extends RecordingServer {
  client(options?: Partial<PulseClientOptions>): PulseClient;
}

/**
 * Starts a fake Pulse API whose routes (by path under `/v1`) answer synchronously with
 * whatever the test says, however wrong; `n` counts the calls of that route (from 0).
 */
export async function startFakeApi(routes: Record<string, Route>): Promise<FakeApi> {
  const calls = new Map<string, number>();
  const server = await startRecordingServer((req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '').replace(/^\/v1/, '').split('?')[0]!;
      const route = routes[path];
      if (!route) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"code":"not_found","message":"no route"}');
        return;
      }
      const n = calls.get(path) ?? 0;
      calls.set(path, n + 1);
      const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(route(body, n)));
    });
  });
  return {
    ...server,
    client: (options = {}) =>
      new PulseClient({
        baseUrl: `${server.url}/v1`,
        auth: new StaticTokenAuth('t'),
        maxRetries: 0,
        random: () => 0,
        ...options,
      }),
  };
}

/** `count` sentiment items. */
export function sentiments(count: number): unknown[] {
  return Array.from({ length: count }, () => ({ sentiment: 'neutral', confidence: 0.5 }));
}
