import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { pulse } from '../helpers/runCli';

// Issue 13.16: a destination that cannot be written, or an input that is not text, fails in a
// second with exit 2, before the first request (the emulator's journal stays empty), instead
// of a raw Node error (or a hang) after the whole paid analysis.
const SAMPLE = join(__dirname, '..', '..', 'examples', 'data', 'park-reviews.csv');
const dir = mkdtempSync(join(tmpdir(), 'pulse-hostile-cli-'));


describe('pulse refuses bad destinations and binary input before the first request', () => {
  const saved = { ...process.env };
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, requireAuth: false });
    process.env.PULSE_BASE_URL = emulator.url;
    process.env.PULSE_TOKEN = 'test-token';
  });
  beforeEach(() => emulator.reset());
  afterAll(async () => {
    process.env = saved;
    await emulator.close();
  });

  const aFile = join(dir, 'a-file.txt');
  writeFileSync(aFile, 'not a folder\n');
  const fifo = join(dir, 'fifo.csv');
  execFileSync('mkfifo', [fifo]);

  it.each([
    ['--report at a directory', ['--report', dir], 'is a directory'],
    ['--out under a file', ['--out', join(aFile, 'out.json')], 'cannot create its folder (ENOTDIR: '],
    ['--out in /proc', ['--out', '/proc/self/pulse-out.csv'], 'cannot write there'],
    ['--out in a new folder of /proc', ['--out', '/proc/pulse-nowhere/out.csv'], 'cannot create its folder'],
    ['--report over a file of /proc', ['--report', '/proc/self/status'], 'cannot write there'],
    ['--out at a FIFO (a write would hang)', ['--out', fifo], 'is not a regular file'],
  ])('%s: exit 2 naming the option, and no request sent', async (_name, destination, message) => {
    const run = await pulse('analyze', SAMPLE, '--column', 'comment', '--quiet', ...destination);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`pulse: error: ${destination[0]} ${destination[1]}: ${message}`);
    expect(emulator.journal()).toEqual([]);
  });

  it.each([
    ['NUL bytes', 'data.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0x08, 0])],
    ['bytes that are not UTF-8', 'latin1.csv', Buffer.from('comment\ncaf\xe9 cr\xe8me br\xfbl\xe9e\n', 'latin1')],
  ])('binary input (%s) exits 2 before any request', async (_name, name, bytes) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const run = await pulse('sentiment', path, '--quiet', '--out', join(dir, 'binary.csv'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is not UTF-8 text');
    expect(emulator.journal()).toEqual([]);
  });

  it('an unterminated CSV quote exits 2 naming its line (it used to be one swallowed text and exit 0)', async () => {
    const path = join(dir, 'open-quote.csv');
    writeFileSync(path, 'id,comment\n1,Lovely staff\n2,"Queues were endless\n3,Cold chips\n');
    const out = join(dir, 'open-quote-out.csv');
    const run = await pulse('sentiment', path, '--column', 'comment', '--quiet', '--out', out);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pulse: error: line 3: a quoted field opens here and is never closed');
    expect(readdirSync(dir)).not.toContain('open-quote-out.csv');
    expect(emulator.journal()).toEqual([]);
  });

  it('a failed run removes the folders it made for --out (a typo in a path leaves no trace)', async () => {
    const path = join(dir, 'nul.txt');
    writeFileSync(path, Buffer.from([0x41, 0, 0x42]));
    const run = await pulse('sentiment', path, '--quiet', '--out', join(dir, 'made', 'for', 'it', 'out.json'));
    expect(run.code).toBe(2);
    expect(readdirSync(dir)).not.toContain('made');
  });

  it('a failed analysis leaves an existing --out untouched and no temporary file behind', async () => {
    const out = join(dir, 'kept', 'out.csv');
    execFileSync('mkdir', ['-p', join(dir, 'kept')]);
    writeFileSync(out, 'previous results\n');
    emulator.faults.set([{ path: '/sentiment', action: { type: 'status', status: 400 } }]);
    const run = await pulse('sentiment', SAMPLE, '--column', 'comment', '--quiet', '--out', out, '--fast', 'true');
    expect(run.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('previous results\n');
    expect(readdirSync(join(dir, 'kept'))).toEqual(['out.csv']);
  });

  it('the built bin refuses a directory as --report with exit 2', async () => {
    const bin = join(__dirname, '..', '..', 'dist', 'cli', 'pulse.js');
    const bad = await promisify(execFile)(process.execPath, [bin, 'sentiment', SAMPLE, '--report', dir]).catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('is a directory') });
    expect(emulator.journal()).toEqual([]);
  });
});
