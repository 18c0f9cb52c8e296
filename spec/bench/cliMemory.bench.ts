/**
 * CLI memory benchmark (issue 13.7): `pulse sentiment` on a ~200 MB CSV (2,000,000 rows)
 * streams it, so the process's peak RSS growth stays under 200 MB (it was 1.7 GB when the
 * CLI loaded the whole file); and the readers take one long line in linear time (10/20/40 MB
 * lines took 1.5/4.8/17.7 s when each chunk re-split the whole line). Figures are printed,
 * never asserted.
 *
 *   TS_NODE_TRANSPILE_ONLY=1 node -r ts-node/register spec/bench/cliMemory.bench.ts [--rows N] [--file F]
 *
 * Uncapped, V8 lets garbage pile up before collecting it (peak heap used counts it); run it
 * again with `node --max-old-space-size=128 ...`: finishing at all proves the live memory
 * stays bounded, and the RSS growth then is the CLI's working set.
 *
 * The emulator runs in its own process, so this process's memory is the CLI's alone.
 */
import { createWriteStream, existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { count, firstValueFrom } from 'rxjs';
import { runPulse } from '../../src/cli/runPulse';
import { readTexts } from '../../src/node';
import { emulatorProcess } from './support/emulatorProcess';

const MB = 1024 * 1024;
const now = () => performance.now();
const rows: [string, string, string][] = [];
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
};


/** A CSV like examples/data/park-reviews.csv, written in pieces so it never sits in memory. */
async function generate(path: string, n: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('id,date,channel,comment\n');
  const comments = ['The queue for the big coaster was endless, over an hour in the sun', 'Staff were lovely and the paths easy for pushchairs', '"Food was cold, and at three pounds a bottle, water is a rip-off"'];
  for (let i = 0; i < n; i += 10_000) {
    const chunk = Array.from({ length: Math.min(10_000, n - i) }, (_, j) => `${i + j},2026-06-01,survey,${comments[(i + j) % 3]} (${i + j})\n`).join('');
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(resolve));
}

async function cliMemory(): Promise<void> {
  const n = Number(arg('--rows') ?? 2_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'pulse-cli-bench-'));
  const file = arg('--file') ?? join(dir, 'reviews.csv');
  if (!existsSync(file)) await generate(file, n);
  const size = statSync(file).size / MB;
  const emu = await emulatorProcess();
  process.env.PULSE_BASE_URL = emu.url;
  process.env.PULSE_TOKEN = 'bench';
  try {
    global.gc?.();
    const base = process.memoryUsage().rss;
    let peak = base;
    let peakHeap = 0;
    let peakExternal = 0;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peak = Math.max(peak, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
      peakExternal = Math.max(peakExternal, m.external + m.arrayBuffers);
    }, 20);
    const stderr = new Writable({ write: (chunk, _e, done) => (process.stderr.write(chunk), done()) });
    const t = now();
    const code = await runPulse(['sentiment', file, '--column', 'comment', '--out', join(dir, 'out.csv'), '--quiet'], { stdout: process.stdout, stderr });
    clearInterval(sampler);
    const seconds = ((now() - t) / 1000).toFixed(1);
    const growth = `${((peak - base) / MB).toFixed(0)} MB RSS growth`;
    rows.push([`pulse sentiment, ${size.toFixed(0)} MB CSV`, code === 0 ? growth : `FAILED (exit ${code})`, `${seconds} s; peak heap used ${(peakHeap / MB).toFixed(0)} MB, external ${(peakExternal / MB).toFixed(0)} MB; target < 200 MB`]);
  } finally {
    emu.stop();
  }
}

async function longLines(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pulse-long-line-'));
  for (const mb of [10, 20, 40]) {
    const path = join(dir, `line-${mb}.txt`);
    writeFileSync(path, `${'y'.repeat(mb * MB)}\nshort\n`);
    const t = now();
    const texts = await firstValueFrom(readTexts(path).pipe(count()));
    rows.push([`readTexts, one ${mb} MB line`, `${((now() - t) / 1000).toFixed(2)} s`, `${texts} texts; was ${{ 10: 1.5, 20: 4.8, 40: 17.7 }[mb]} s (quadratic)`]);
  }
}

async function main() {
  await cliMemory(); // first, so that its baseline is a fresh process
  await longLines();
  const width = Math.max(...rows.map((r) => r[0].length));
  process.stdout.write(`\nCLI memory benchmark (node ${process.version})\n`);
  for (const [name, value, note] of rows) process.stdout.write(`  ${name.padEnd(width)}  ${value.padStart(18)}  ${note}\n`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(1);
  },
);
