import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { pulse } from '../helpers/runCli';

type RunFileJson = { argv: string[]; records: Record<string, { partsTotal: number; parts: Record<string, { jobId: string; done?: boolean }> }> };

describe('pulse --run and pulse jobs', () => {
  const saved = { ...process.env };
  const dir = mkdtempSync(join(tmpdir(), 'pulse-cli-run-'));
  const file = join(dir, 'reviews.txt');
  const runJson = join(dir, 'run.json');
  let emulator: Emulator;
  const posts = () => emulator.journal().filter((e) => e.method === 'POST' && e.path.endsWith('/sentiment')).length;
  const read = () => JSON.parse(readFileSync(runJson, 'utf8')) as RunFileJson;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, requireAuth: false, jobDurationMs: 20 });
    process.env.PULSE_BASE_URL = emulator.url;
    process.env.PULSE_TOKEN = 'test-token';
    delete process.env.PULSE_CLIENT_ID;
    writeFileSync(file, Array.from({ length: 5001 }, (_, i) => `review ${i}: the queue was ${i % 2 ? 'short' : 'endless'}\n`).join(''));
  });
  afterAll(async () => {
    process.env = saved;
    await emulator.close();
  });

  it('records the run; running it again (or pulse jobs resume) submits nothing and writes the same rows', async () => {
    const out1 = join(dir, 'one.json');
    const first = await pulse('sentiment', file, '--fast', 'false', '--run', runJson, '--out', out1, '--quiet');
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(posts()).toBe(2);
    const record = read();
    expect(record.argv.slice(0, 2)).toEqual(['sentiment', file]);
    expect(record.argv).not.toContain('--run');
    expect(Object.values(record.records['pulse/sentiment']!.parts).map((p) => p.done)).toEqual([true, true]);

    const out2 = join(dir, 'two.json');
    expect((await pulse('sentiment', file, '--fast', 'false', '--run', runJson, '--out', out2, '--quiet')).code).toBe(0);
    expect(posts()).toBe(2);
    expect(readFileSync(out2, 'utf8')).toBe(readFileSync(out1, 'utf8'));

    expect((await pulse('jobs', 'resume', runJson)).code).toBe(0);
    expect(posts()).toBe(2);
  });

  it('a run file with one part recorded (a crash after it) submits only the other part', async () => {
    const crashed = read();
    delete crashed.records['pulse/sentiment']!.parts['1'];
    writeFileSync(runJson, JSON.stringify(crashed));
    const before = posts();
    expect((await pulse('jobs', 'resume', runJson, '--quiet')).code).toBe(0);
    expect(posts()).toBe(before + 1);
    expect(Object.keys(read().records['pulse/sentiment']!.parts)).toEqual(['0', '1']);
  });

  it('jobs status and wait: a run file step by step, a single job by id', async () => {
    const status = await pulse('jobs', 'status', runJson);
    expect(status).toMatchObject({ code: 0, stdout: 'pulse/sentiment: 2 of 2 parts done, 2 submitted\n' });
    const jobId = read().records['pulse/sentiment']!.parts['0']!.jobId;
    const one = await pulse('jobs', 'status', jobId);
    expect(JSON.parse(one.stdout)).toMatchObject({ status: 'completed' });
    const waited = await pulse('jobs', 'wait', jobId, '--kind', 'sentiment');
    expect((JSON.parse(waited.stdout) as { results: unknown[] }).results).toHaveLength(5000);
  });

  it('bad usage exits 2 before any request', async () => {
    const before = emulator.journal().length;
    expect(await pulse('jobs', 'wait', 'some-id')).toMatchObject({ code: 2, stderr: expect.stringContaining('--kind must be one of') });
    expect(await pulse('jobs', 'stop', 'x')).toMatchObject({ code: 2 });
    // Listed where users look for commands: pulse --help and the shell completion.
    expect((await pulse('--help')).stdout).toMatch(/^\s+jobs status\|wait\|resume ID\|RUN.json\s+status, wait or resume/m);
    expect((await pulse('completion', 'bash')).stdout).toContain('jobs');
    expect(await pulse('sentiment', file, '--run', join(dir, 'run.txt'))).toMatchObject({ code: 2, stderr: expect.stringContaining('--run must end in .json') });
    expect(emulator.journal().length).toBe(before);
  });

  it('--run without credentials is refused: the embedded emulator would forget the jobs', async () => {
    const token = process.env.PULSE_TOKEN;
    delete process.env.PULSE_TOKEN;
    try {
      const refused = await pulse('sentiment', file, '--run', join(dir, 'local.json'), '--quiet');
      expect(refused).toMatchObject({ code: 2, stderr: expect.stringContaining('--run needs credentials') });
    } finally {
      process.env.PULSE_TOKEN = token;
    }
  });
});
