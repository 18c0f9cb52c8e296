/**
 * An Express endpoint (migration guide: "web framework integration"): each HTTP request
 * runs one cold call; when the caller hangs up, the subscription ends and the Pulse request
 * is aborted too.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import { PulseValidationError, type PulseClient } from 'pulse-rx';
import { withEmulator, runIfMain } from './support/withEmulator';

/** The app: POST /sentiment { texts: string[] } → { results }. */
export function sentimentApp(client: PulseClient): express.Express {
  const app = express();
  app.use(express.json());
  app.post('/sentiment', (req, res) => {
    const subscription = client.analyzeSentiment({ inputs: (req.body as { texts?: unknown }).texts as string[], fast: 'auto' }).subscribe({
      next: (result) => res.json({ results: result.results }),
      error: (e: unknown) =>
        e instanceof PulseValidationError
          ? res.status(400).json({ field: e.field, message: e.message })
          : res.status(502).json({ message: 'analysis failed' }),
    });
    res.on('close', () => subscription.unsubscribe()); // the caller left: stop the work
  });
  return app;
}

export const main = () =>
  withEmulator(async (client) => {
    const server = sentimentApp(client).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const post = (texts: unknown) =>
        fetch(`${base}/sentiment`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ texts }) }).then(async (r) => ({
          status: r.status,
          body: (await r.json()) as unknown,
        }));
      return { ok: await post(['Great rides', 'Awful food']), bad: await post(['fine', '']) };
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

runIfMain(module, main);
