/**
 * Batching benchmark (`npm run bench`): wall time against the ideal schedule and against a
 * sequential loop, client overhead against bare axios, and memory while streaming a large
 * file. Figures are printed as ratios measured in the same run, never asserted.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axios from 'axios';
import { concatMap, count, firstValueFrom, from, lastValueFrom, range } from 'rxjs';
import { analyzeSentiment, FlowControl, PulseClient } from '../../src';
import { readTexts } from '../../src/node';
import { sdkHeaders } from '../../src/http/HttpTransport';
import { emulatorProcess } from './support/emulatorProcess';

const now = () => performance.now();
const rows: [string, string, string][] = [];


const client = (url: string, concurrency: number) => new PulseClient({ baseUrl: url, concurrency, maxInFlight: 64 });
const texts = (n: number) => Array.from({ length: n }, (_, i) => `review ${i}: the staff were ${i % 2 ? 'lovely' : 'slow'}`);

async function throughput() {
  const latency = 50;
  const input = texts(20_000);
  const batches = Math.ceil(input.length / 200);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  // The first run of each emulator is cold (both processes still compiling their hot paths);
  // it is reported on its own, and the figure is the median of three warm runs, as a
  // long-running service would see.
  const run = async (url: string, concurrency: number) => {
    const c = client(url, concurrency);
    const once = async () => {
      const t = now();
      const n = await firstValueFrom(from(input).pipe(analyzeSentiment(c, { batchSize: 200, concurrency }), count()));
      if (n !== input.length) throw new Error('lost results');
      return now() - t;
    };
    const cold = await once();
    const warm = [await once(), await once(), await once()];
    return { cold, ms: median(warm), c };
  };
  // The work itself: the same batches with no injected latency (client + emulator on this machine).
  const bare = await emulatorProcess([]);
  let work: number;
  try {
    work = (await run(bare.url, 8)).ms;
  } finally {
    bare.stop();
  }
  const faults = JSON.stringify([{ path: '/sentiment', action: { type: 'latency', ms: latency } }]);
  const emu = await emulatorProcess(['--faults', faults]);
  try {
    const { ms: concurrent, cold, c } = await run(emu.url, 8);
    const ideal = Math.ceil(batches / 8) * latency;
    rows.push(['20,000 texts, no injected latency (the work)', `${work.toFixed(0)} ms`, 'client + emulator sharing this machine']);
    rows.push(['20,000 texts, concurrency 8, 50 ms/request', `${concurrent.toFixed(0)} ms`, `${(concurrent / ideal).toFixed(2)}x the ideal schedule (${ideal} ms), median of 3 warm runs; target <= 1.15x`]);
    rows.push(['  the same, first (cold) run', `${cold.toFixed(0)} ms`, `${(cold / ideal).toFixed(2)}x the ideal schedule`]);
    // The migration guide's "before": one synchronous call after another.
    const t = now();
    await lastValueFrom(range(0, batches).pipe(concatMap((b) => c.analyzeSentiment({ inputs: input.slice(b * 200, b * 200 + 200), fast: true }))));
    const sequential = now() - t;
    rows.push(['the same, sequential loop', `${sequential.toFixed(0)} ms`, `operator ${(sequential / concurrent).toFixed(1)}x faster; target >= 5x`]);
  } finally {
    emu.stop();
  }
}

async function overhead() {
  const emu = await emulatorProcess([]);
  try {
    const c = client(emu.url, 1);
    const http = axios.create();
    // The same request as PulseClient sends (its headers, a fresh idempotency key, axios
    // without redirect support as the client uses for the API, which never redirects):
    // the fairest baseline for the client's own pipeline.
    const direct = axios.create({ maxRedirects: 0 });
    const headers = { accept: 'application/json', ...sdkHeaders(), 'content-type': 'application/json' };
    const body = { inputs: ['The staff were lovely'], fast: true };
    const calls: Record<string, () => Promise<unknown>> = {
      bare: () => http.post(`${emu.url}/sentiment`, body),
      direct: () => direct.post(`${emu.url}/sentiment`, body, { headers: { ...headers, 'idempotency-key': crypto.randomUUID() } }),
      sdk: () => firstValueFrom(c.analyzeSentiment(body)),
    };
    const times: Record<string, number[]> = { bare: [], direct: [], sdk: [] };
    const names = Object.keys(calls);
    for (let i = 0; i < 300; i++) for (const name of names) await calls[name]!(); // warm-up
    // Alternate call by call, so drift on a shared machine hits every side alike; compare
    // medians of single-call times (robust to GC pauses and neighbours' bursts).
    for (let i = 0; i < 3000; i++) {
      for (const name of names) {
        const t = now();
        await calls[name]!();
        times[name]!.push(now() - t);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const [bare, plain, sdk] = [median(times.bare!), median(times.direct!), median(times.sdk!)];
    const us = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;
    rows.push(['per call: PulseClient vs bare axios', us(sdk), `${(sdk / bare).toFixed(2)}x bare axios (${us(bare)}); medians of 3,000 alternating calls; target <= 1.15x`]);
    rows.push(['  vs axios sending the same request', us(sdk), `${(sdk / plain).toFixed(2)}x (${us(plain)}; same headers, maxRedirects: 0): the client's own pipeline`]);
  } finally {
    emu.stop();
  }
}

async function streaming() {
  const lines = 1_000_000;
  const dir = mkdtempSync(join(tmpdir(), 'pulse-bench-'));
  const path = join(dir, 'lines.txt');
  // Written in chunks of 10,000 lines, waiting for each to drain: the file itself must not
  // sit in this process's memory before the measurement starts.
  const out = createWriteStream(path);
  for (let i = 0; i < lines; i += 10_000) {
    const chunk = Array.from({ length: 10_000 }, (_, j) => `line ${i + j}: the queue was ${(i + j) % 3 ? 'short' : 'endless'}\n`).join('');
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(resolve));
  global.gc?.();
  writeFileSync(join(dir, 'done'), '');
  const emu = await emulatorProcess([]);
  try {
    const c = client(emu.url, 4);
    const base = process.memoryUsage().rss;
    let peak = base;
    let peakHeap = 0;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peak = Math.max(peak, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 20);
    const flow = new FlowControl(4000);
    const t = now();
    const n = await firstValueFrom(readTexts(path, { flow }).pipe(analyzeSentiment(c, { batchSize: 200, concurrency: 4, flow }), count()));
    clearInterval(sampler);
    if (n !== lines) throw new Error(`lost results: ${n}`);
    rows.push(['1,000,000 lines streamed from a file', `${((peak - base) / 1048576).toFixed(0)} MB RSS growth`, `${((now() - t) / 1000).toFixed(1)} s; peak heap used ${(peakHeap / 1048576).toFixed(0)} MB; target < 150 MB`]);
  } finally {
    emu.stop();
  }
}

/** Runs the streaming figure in a fresh process, so earlier figures' memory does not blur it. */
async function streamingInChild(heapCapMb?: number): Promise<void> {
  const cap = heapCapMb ? [`--max-old-space-size=${heapCapMb}`] : [];
  const child = spawn(process.execPath, [...cap, '-r', 'ts-node/register', __filename, '--stream-only'], { env: process.env, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const row: [string, string, string] = code === 0 ? (JSON.parse(out.trim().split('\n').pop()!) as [string, string, string]) : ['1,000,000 lines streamed from a file', 'FAILED', `exit ${code}`];
  // Under a heap cap, finishing at all proves the live memory stays bounded (peak heap used
  // above counts garbage that V8 had no reason to collect yet).
  if (heapCapMb) rows.push([`  the same, old space capped at ${heapCapMb} MB`, code === 0 ? 'completed' : 'FAILED', row[2]]);
  else rows.push(row);
}

async function main() {
  if (process.argv.includes('--overhead-only')) {
    await overhead();
    for (const row of rows) process.stdout.write(`${row.join('  ')}\n`);
    return;
  }
  if (process.argv.includes('--stream-only')) {
    await streaming();
    process.stdout.write(`${JSON.stringify(rows[0])}\n`);
    return;
  }
  await throughput();
  await overhead();
  await streamingInChild();
  await streamingInChild(100);
  const width = Math.max(...rows.map((r) => r[0].length));
  process.stdout.write(`\nbatching benchmark (node ${process.version})\n`);
  for (const [name, value, ratio] of rows) process.stdout.write(`  ${name.padEnd(width)}  ${value.padStart(18)}  ${ratio}\n`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(1);
  },
);
