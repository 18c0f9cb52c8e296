import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { runPulse } from '../../src/cli/runPulse';

const SAMPLE = join(__dirname, '..', '..', 'examples', 'data', 'park-reviews.csv');

function sink() {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

async function pulse(...argv: string[]) {
  const out = sink();
  const err = sink();
  const code = await runPulse(argv, { stdout: out.stream, stderr: err.stream });
  return { code, stdout: out.text(), stderr: err.text() };
}

describe('the pulse command line', () => {
  const saved = { ...process.env };
  beforeEach(() => {
    delete process.env.PULSE_TOKEN;
    delete process.env.PULSE_CLIENT_ID;
    delete process.env.PULSE_CLIENT_SECRET;
  });
  afterAll(() => {
    process.env = saved;
  });
  const dir = mkdtempSync(join(tmpdir(), 'pulse-cli-'));

  it('analyze: without credentials it says so, uses the emulator, and writes JSON, CSV and a report', async () => {
    const json = join(dir, 'out.json');
    const run = await pulse('analyze', SAMPLE, '--column', 'comment', '--out', json, '--report', join(dir, 'report.html'), '--max-themes', '5');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('no credentials configured');
    expect(run.stderr).toMatch(/themeAllocation done/);
    const rows = JSON.parse(readFileSync(json, 'utf8')) as Array<{ index: number; sentiment: string; theme: string | null }>;
    expect(rows).toHaveLength(280);
    expect(rows.map((r) => r.index)).toEqual([...Array(280).keys()]);
    expect(rows.every((r) => ['positive', 'negative', 'neutral', 'mixed'].includes(r.sentiment))).toBe(true);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('<section id="themes">');

    const csv = join(dir, 'out.csv');
    expect((await pulse('sentiment', SAMPLE, '--column', '3', '--out', csv, '--quiet', '--emulator')).code).toBe(0);
    const lines = readFileSync(csv, 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('index,text,sentiment,confidence');
    expect(lines).toHaveLength(281);
  });

  it('themes and allocate print a summary on stdout', async () => {
    const themes = await pulse('themes', SAMPLE, '--column', 'comment', '--quiet', '--max-themes', '4');
    expect(themes.code).toBe(0);
    expect(themes.stdout).toMatch(/^themes:\n( {2}.+: .+\n){1,4}$/);
    const allocate = await pulse('allocate', SAMPLE, '--column', 'comment', '--quiet', '--themes', 'Food,Queues,Staff,Rides');
    expect(allocate.code).toBe(0);
    const counts = [...allocate.stdout.matchAll(/^ {2}(.+?)\s+(\d+) texts$/gm)].map((m) => [m[1], Number(m[2])]);
    expect(counts.map((c) => c[0])).toEqual(['Food', 'Queues', 'Staff', 'Rides', '(no theme)']);
    expect(counts.reduce((n, c) => n + (c[1] as number), 0)).toBe(280);
  });

  it.each([
    [['sentiment', 'missing.csv'], 'cannot read missing.csv: no such file'],
    [['sentiment', SAMPLE, '--column', 'nope'], '"nope" is not a column'],
    [['sentiment'], 'missing FILE'],
    [['translate', SAMPLE], 'unknown command "translate"'],
    [['sentiment', SAMPLE, '--out', 'x.xml'], '--out must end in .json or .csv'],
    [['sentiment', SAMPLE, '--fast', 'maybe'], '--fast must be true, false or auto'],
    [['sentiment', SAMPLE, '--concurrency', '0'], '--concurrency must be a positive integer'],
    [['sentiment', SAMPLE, '--colour', 'red'], "Unknown option '--colour'"],
    [['themes', SAMPLE, '--themes', 'a,b'], '--themes only applies'],
    [['themes', SAMPLE, '--column', 'comment', '--max-themes', '99'], 'themeGeneration.maxThemes'],
  ])('bad usage %j exits 2 with a clear message', async (argv, message) => {
    const run = await pulse(...argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });

  it('an empty file exits 2 and says so', async () => {
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, 'comment\n');
    const run = await pulse('sentiment', empty);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('has no texts');
  });

  it('the built bin runs: --help exits 0, bad input exits 2', async () => {
    const bin = join(__dirname, '..', '..', 'dist', 'cli', 'pulse.js');
    const help = await promisify(execFile)(process.execPath, [bin, '--help']);
    expect(help.stdout).toContain('Usage: pulse <command> FILE [options]');
    const bad = await promisify(execFile)(process.execPath, [bin, 'sentiment', 'nowhere.txt']).catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot read nowhere.txt') });
  });
});
