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
    process.env.PULSE_CONFIG_DIR = join(dir, 'no-login');
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
    // --json and --quiet of jobs resume reach the command it runs again.
    const again = await pulse('jobs', 'resume', runJson, '--json', '--quiet');
    expect(again.stderr).toBe('');
    expect(JSON.parse(again.stdout)).toMatchObject({ command: 'sentiment', texts: { analysed: 5001 } });
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
    expect(JSON.parse(one.stdout)).toMatchObject({ status: 'completed', resultUrl: expect.stringContaining('signature=[redacted]') });
    expect(one.stdout).not.toMatch(/signature=[0-9a-f]/);
    const waited = await pulse('jobs', 'wait', jobId, '--kind', 'sentiment');
    expect((JSON.parse(waited.stdout) as { results: unknown[] }).results).toHaveLength(5000);
    const doc = JSON.parse((await pulse('jobs', 'status', runJson, '--json')).stdout) as unknown;
    expect(doc).toEqual({
      command: 'jobs status',
      run: runJson,
      steps: [{ step: 'pulse/sentiment', partsTotal: 2, submitted: 2, done: 2, running: [] }],
    });
    const oneDoc = JSON.parse((await pulse('jobs', 'status', jobId, '--json')).stdout) as unknown;
    expect(oneDoc).toMatchObject({ command: 'jobs status', id: jobId, status: { status: 'completed' } });
  });

  it('bad usage exits 2 before any request', async () => {
    const before = emulator.journal().length;
    expect(await pulse('jobs', 'wait', 'some-id')).toMatchObject({ code: 2, stderr: expect.stringContaining('pulse jobs wait ID needs --kind KIND, the kind of job it is (one of embeddings,') });
    expect(await pulse('jobs', 'wait', 'some-id', '--kind', 'sentimnt')).toMatchObject({ code: 2, stderr: expect.stringContaining('--kind must be one of') });
    expect(await pulse('jobs', 'stop', 'x')).toMatchObject({ code: 2, stderr: expect.stringContaining('pulse jobs needs status, wait or resume, not "stop"') });
    expect(await pulse('jobs')).toMatchObject({ code: 2, stderr: expect.stringContaining('pulse jobs needs status, wait or resume') });
    expect(await pulse('jobs', 'status')).toMatchObject({ code: 2, stderr: expect.stringContaining('missing ID|RUN.json') });
    expect(await pulse('jobs', 'status', 'x', '--k', '3')).toMatchObject({ code: 2, stderr: expect.stringContaining('--k does not apply to pulse jobs') });
    expect(await pulse('jobs', 'status', runJson, '--kind', 'sentiment')).toMatchObject({ code: 2, stderr: expect.stringContaining('--kind is for a job ID') });
    // A run file whose command line is not one that records runs is not run again.
    const odd = join(dir, 'odd.json');
    writeFileSync(odd, JSON.stringify({ format: 'pulse-run-file/1', argv: ['jobs', 'resume', odd], records: {} }));
    expect(await pulse('jobs', 'resume', odd)).toMatchObject({ code: 2, stderr: expect.stringContaining('pulse jobs resume cannot run') });
    // Listed where users look for commands: pulse --help, pulse jobs --help and the shell completion.
    expect((await pulse('--help')).stdout).toMatch(/^\s+jobs status\|wait\|resume ID\|RUN.json\s+status, wait or resume/m);
    const help = await pulse('jobs', '--help');
    expect(help.stdout).toContain('Usage: pulse jobs status|wait|resume ID|RUN.json [options]');
    expect(help.stdout).toMatch(/^ {2}resume {3}ID: as wait\. RUN\.json: runs the recorded command again/m);
    expect(help.stdout).toMatch(/^ {2}--kind KIND +jobs: /m);
    const completion = (await pulse('completion', 'bash')).stdout;
    expect(completion).toContain('jobs) opts="--kind --json --quiet --help --version"; words="status wait resume"');
    expect(await pulse('sentiment', file, '--run', join(dir, 'run.txt'))).toMatchObject({ code: 2, stderr: expect.stringContaining('--run must end in .json') });
    expect(emulator.journal().length).toBe(before);
  });

  it('--run and pulse jobs without credentials are refused: the embedded emulator would forget the jobs', async () => {
    const token = process.env.PULSE_TOKEN;
    delete process.env.PULSE_TOKEN;
    try {
      const refused = await pulse('sentiment', file, '--run', join(dir, 'local.json'), '--quiet');
      expect(refused).toMatchObject({ code: 2, stderr: expect.stringContaining('--run needs credentials') });
      const jobs = await pulse('jobs', 'status', 'some-id');
      expect(jobs).toMatchObject({ code: 2, stderr: expect.stringContaining('pulse jobs needs credentials') });
      expect(jobs.stderr).not.toContain('emulator');
    } finally {
      process.env.PULSE_TOKEN = token;
    }
  });
});
