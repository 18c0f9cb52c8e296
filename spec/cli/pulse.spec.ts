import { execFile, execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startEmulator } from 'pulse-rx/emulator';
import { pulse } from '../helpers/runCli';

const SAMPLE = join(__dirname, '..', '..', 'examples', 'data', 'park-reviews.csv');


describe('the pulse command line', () => {
  const saved = { ...process.env };
  beforeEach(() => {
    delete process.env.PULSE_BASE_URL;
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
    const rows = JSON.parse(readFileSync(json, 'utf8')) as Array<{ index: number; line: number; sentiment: string; theme: string | null }>;
    expect(rows).toHaveLength(280);
    expect(rows.map((r) => r.index)).toEqual([...Array(280).keys()]);
    expect(rows.map((r) => r.line)).toEqual([...Array(280).keys()].map((i) => i + 2));
    expect(rows.every((r) => ['positive', 'negative', 'neutral', 'mixed'].includes(r.sentiment))).toBe(true);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('<section id="themes">');

    const csv = join(dir, 'out.csv');
    expect((await pulse('sentiment', SAMPLE, '--column', '3', '--out', csv, '--quiet', '--emulator')).code).toBe(0);
    const lines = readFileSync(csv, 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('index,line,text,sentiment,confidence');
    expect(lines).toHaveLength(281);
  });

  it('themes and allocate print a summary on stdout', async () => {
    const themes = await pulse('themes', SAMPLE, '--column', 'comment', '--quiet', '--max-themes', '4');
    expect(themes.code).toBe(0);
    expect(themes.stdout).toMatch(/^texts: 280 analysed, 0 blank rows skipped\nthemes:\n( {2}.+: .+\n){1,4}$/);
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
    [['sentiment', SAMPLE, '--colour', 'red'], 'unknown option --colour (pulse sentiment --help)'],
    [['themes', SAMPLE, '--themes', 'a,b'], '--themes does not apply to pulse themes'],
    [['sentiment', SAMPLE, '--k', '3'], '--k does not apply to pulse sentiment'],
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

  it('without --column, a CSV is read from the column of free text, and pulse says which', async () => {
    const out = join(dir, 'auto.json');
    const run = await pulse('analyze', SAMPLE, '--out', out, '--max-themes', '4');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('reading');
    expect(run.stderr).toContain('column "comment" (picked by content among id, date, channel, comment');
    const rows = JSON.parse(readFileSync(out, 'utf8')) as Array<{ text: string; sentiment: string }>;
    expect(rows[0]!.text).toBe('Gluten free options were clearly marked and tasted good, a real relief for us.');
    expect(new Set(rows.map((r) => r.sentiment)).size).toBeGreaterThan(1);
  });

  it('a CSV with no column of free text exits 2 and lists its columns', async () => {
    const path = join(dir, 'numbers.csv');
    writeFileSync(path, 'id,date,score\n1,2026-06-01,4\n2,2026-06-02,5\n');
    const run = await pulse('sentiment', path, '--quiet');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('numbers.csv looks like free text; choose one with --column (columns: id, date, score)');
  });

  it('--field and --id-column: rows carry the source line and the id; blank rows are counted; "1 text"', async () => {
    const path = join(dir, 'reviews.jsonl');
    writeFileSync(path, '{"ref":"a1","body":"Great rides"}\n\n{"ref":"a2","body":"   "}\n');
    const summary = await pulse('sentiment', path, '--field', 'body', '--quiet');
    expect(summary).toMatchObject({ code: 0, stderr: '' });
    expect(summary.stdout).toMatch(/^texts: 1 analysed, 2 blank rows skipped\nsentiment \(1 text\): positive \d+%/);
    const out = join(dir, 'reviews.json');
    expect((await pulse('sentiment', path, '--field', 'body', '--id-column', 'ref', '--out', out, '--quiet')).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual([
      { index: 0, line: 1, id: 'a1', text: 'Great rides', sentiment: expect.any(String), confidence: expect.any(Number) },
    ]);

    const csv = join(dir, 'ids.csv');
    writeFileSync(csv, 'ref,comment\nr1,"Lovely staff"\n,\nr3,"Queues were\nendless"\n');
    const csvOut = join(dir, 'ids.csv.json');
    const run = await pulse('allocate', csv, '--id-column', 'ref', '--themes', 'Staff,Queues', '--out', csvOut);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('2 texts to analyse; 1 blank row skipped');
    const rows = JSON.parse(readFileSync(csvOut, 'utf8')) as Array<Record<string, unknown>>;
    expect(rows.map((r) => [r.index, r.line, r.id, r.text])).toEqual([
      [0, 2, 'r1', 'Lovely staff'],
      [1, 4, 'r3', 'Queues were\nendless'],
    ]);
  });

  it('--quiet: nothing on stderr when all goes well (not even the emulator notice)', async () => {
    const run = await pulse('sentiment', SAMPLE, '--quiet', '--out', join(dir, 'quiet.csv'));
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('sentiment streams the file: requests go out before the file has ended', async () => {
    const fifo = join(dir, 'stream.txt');
    execFileSync('mkfifo', [fifo]);
    const emulator = await startEmulator({ port: 0, requireAuth: false });
    process.env.PULSE_BASE_URL = emulator.url;
    process.env.PULSE_TOKEN = 'test-token';
    try {
      const out = join(dir, 'stream.csv');
      const running = pulse('sentiment', fifo, '--out', out, '--quiet', '--fast', 'true');
      const writer = createWriteStream(fifo);
      const line = (i: number) => `review ${i}: the queue was ${i % 2 ? 'short' : 'endless'}\n`;
      writer.write(Array.from({ length: 1000 }, (_, i) => line(i)).join(''));
      // A reader that loaded the whole file first would send nothing until the end: this waits forever.
      while (!emulator.journal().some((e) => e.path.endsWith('/sentiment'))) await new Promise((r) => setTimeout(r, 10));
      writer.end(Array.from({ length: 1000 }, (_, i) => line(1000 + i)).join(''));
      const run = await running;
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(readFileSync(out, 'utf8').trim().split('\r\n')).toHaveLength(2001);
    } finally {
      await emulator.close();
    }
  });

  it('the built bin runs: --help exits 0, bad input exits 2', async () => {
    const bin = join(__dirname, '..', '..', 'dist', 'cli', 'pulse.js');
    const help = await promisify(execFile)(process.execPath, [bin, '--help']);
    expect(help.stdout).toContain('Usage: pulse <command> [arguments] [options]');
    const bad = await promisify(execFile)(process.execPath, [bin, 'sentiment', 'nowhere.txt']).catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot read nowhere.txt') });
  });
});
