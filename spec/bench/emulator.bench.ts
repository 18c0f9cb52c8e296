/**
 * Emulator benchmark (`npm run bench`): figures are printed next to a baseline measured in
 * the same run (a bare node:http server), never asserted.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEmulator } from '../../src/emulator';

const now = () => performance.now();
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);

async function bareServer() {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"results":[{"sentiment":"positive","confidence":0.9}],"requestId":"x"}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(r)) };
}

async function rps(url: string, headers: Record<string, string>, total: number, concurrency: number): Promise<number> {
  const body = JSON.stringify({ inputs: ['The staff were lovely', 'Queue far too long'], fast: true });
  let next = 0;
  const started = now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < total) {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
        if (res.status !== 200) throw new Error(`status ${res.status}`);
        await res.arrayBuffer();
      }
    }),
  );
  return total / ((now() - started) / 1000);
}

async function main() {
  const rows: [string, string, string][] = [];
  const rssBefore = process.memoryUsage().rss;

  let t = now();
  const bare = await bareServer();
  const bareStart = now() - t;
  t = now();
  const emulator = await startEmulator({ requireAuth: false, jobDurationMs: 0 });
  const emuStart = now() - t;
  rows.push(['start listening', `${emuStart.toFixed(1)} ms`, `${(emuStart / bareStart).toFixed(1)}x bare http server (${bareStart.toFixed(1)} ms)`]);

  const texts = Array.from({ length: 10_000 }, (_, i) => `Review ${i}: the ${i % 3 ? 'staff were friendly' : 'food was not good'} and the ${i % 5 ? 'rides fun' : 'queues awful'}`);
  // The spec caps an async job at 5,000 inputs, so 10,000 texts are two jobs.
  const bodies = [JSON.stringify({ inputs: texts.slice(0, 5000) }), JSON.stringify({ inputs: texts.slice(5000) })];
  const bareBig = now();
  for (const body of bodies) await (await fetch(bare.url, { method: 'POST', body })).arrayBuffer();
  const bareBigMs = now() - bareBig;
  let jobMs = 0;
  let total = 0;
  for (const body of bodies) {
    t = now();
    const submitted = (await (await fetch(`${emulator.url}/sentiment`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json()) as { job_id: string };
    jobMs += now() - t; // validation and analysis happen at submission
    const status = (await (await fetch(`${emulator.url}/jobs?jobId=${encodeURIComponent(submitted.job_id)}`)).json()) as { result_url?: string };
    if (!status.result_url) throw new Error(`job not completed: ${JSON.stringify(status)}`);
    total += ((await (await fetch(status.result_url)).json()) as { results: unknown[] }).results.length;
  }
  if (total !== texts.length) throw new Error('lost results');
  rows.push(['sentiment, 10,000 texts in 2 jobs (server time)', `${jobMs.toFixed(0)} ms`, `${(jobMs / bareBigMs).toFixed(1)}x posting the same bodies to a bare server (${bareBigMs.toFixed(0)} ms)`]);

  await rps(`${emulator.url}/sentiment`, {}, 200, 8); // warm-up both servers
  await rps(bare.url, {}, 200, 8);
  const bareRps = await rps(bare.url, {}, 3000, 16);
  const emuRps = await rps(`${emulator.url}/sentiment`, {}, 3000, 16);
  rows.push(['small sync sentiment calls', `${emuRps.toFixed(0)} req/s`, `${(emuRps / bareRps).toFixed(2)}x bare http server (${bareRps.toFixed(0)} req/s)`]);

  rows.push(['peak RSS growth', `${((peakRss - rssBefore) / 1048576).toFixed(0)} MB`, `peak RSS ${(peakRss / 1048576).toFixed(0)} MB`]);
  await emulator.close();
  await bare.close();
  clearInterval(sampler);

  const width = Math.max(...rows.map((r) => r[0].length));
  process.stdout.write(`\nemulator benchmark (node ${process.version}, ${new Date().toISOString()})\n`);
  for (const [name, value, ratio] of rows) process.stdout.write(`  ${name.padEnd(width)}  ${value.padStart(12)}  ${ratio}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
