import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordingServer {
  url: string;
  /** Paths of requests the client hung up on before the answer was complete. */
  aborted: string[];
  /** Paths of every request received, in order. */
  received: string[];
  close(): Promise<void>;
}

/**
 * A real `node:http` server on 127.0.0.1 that records the requests the client abandoned:
 * how we prove that unsubscribing aborts (as nestjs/axios's tests do).
 */
export async function startRecordingServer(
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => void,
): Promise<RecordingServer> {
  const aborted: string[] = [];
  const received: string[] = [];
  const server = http.createServer((req, res) => {
    received.push(req.url ?? '');
    res.on('close', () => {
      if (!res.writableFinished) aborted.push(req.url ?? '');
    });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    aborted,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Resolves when `check` holds, polling every few ms (gives up after `ms`). */
export async function until(check: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
