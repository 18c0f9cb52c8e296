import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { pulse } from '../helpers/runCli';

const dir = mkdtempSync(join(tmpdir(), 'pulse-session-'));
const texts = join(dir, 'texts.txt');
writeFileSync(texts, ['The queues were far too long', 'Lovely staff, very helpful', 'Food was cold and pricey', 'Great rides for kids'].join('\n'));
const saved = { ...process.env };
const clean = () => {
  for (const name of ['PULSE_BASE_URL', 'PULSE_TOKEN', 'PULSE_CLIENT_ID', 'PULSE_CLIENT_SECRET', 'PULSE_TOKEN_URL', 'PULSE_AUTHORIZE_URL', 'BROWSER']) {
    delete process.env[name];
  }
};
afterAll(() => {
  process.env = saved;
});

describe('pulse workflow run', () => {
  beforeEach(() => {
    clean();
    process.env.PULSE_CONFIG_DIR = join(dir, 'no-login');
  });

  it('runs a YAML pipeline on FILE (its only source filled with the texts) and prints each step', async () => {
    const pipeline = join(dir, 'pipeline.yaml');
    writeFileSync(pipeline, 'sources:\n  reviews: ["placeholder"]\nsteps:\n  - type: sentiment\n  - type: themeGeneration\n    maxThemes: 3\n');
    const run = await pulse('workflow', 'run', pipeline, texts, '--quiet');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^texts: 4 analysed, 0 blank rows skipped\nsentiment \(4 texts\): /);
    const out = join(dir, 'wf.json');
    const doc = await pulse('workflow', 'run', pipeline, texts, '--json', '--out', out, '--quiet');
    const parsed = JSON.parse(doc.stdout) as { results: { sentiment: { results: unknown[] } } };
    expect(parsed.results.sentiment.results).toHaveLength(4);
    expect(Object.keys(JSON.parse(readFileSync(out, 'utf8')) as object).sort()).toEqual(['sentiment', 'themeGeneration']);
  });

  it('a JSON pipeline without sources gets FILE as "input"; a bad step exits 2 naming it, before any request', async () => {
    const pipeline = join(dir, 'pipeline.json');
    writeFileSync(pipeline, JSON.stringify({ sources: {}, steps: [{ type: 'sentiment' }] }));
    const run = await pulse('workflow', 'run', pipeline, texts, '--json', '--quiet');
    expect(run.code).toBe(0);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ sources: {}, steps: [{ type: 'translate' }] }));
    const refused = await pulse('workflow', 'run', bad, texts);
    expect(refused.code).toBe(2);
    expect(refused.stderr).not.toContain('emulator at');
    const usage = await pulse('workflow', 'go', pipeline);
    expect([usage.code, usage.stderr]).toEqual([2, expect.stringContaining('pulse workflow needs run, not "go"')]);
  });

  it('without FILE runs the pipeline\'s own sources and names them instead of counting texts it did not read', async () => {
    const pipeline = join(dir, 'own.json');
    const reviews = ['The queues were far too long', 'Lovely staff, very helpful', 'Food was cold and pricey'];
    writeFileSync(pipeline, JSON.stringify({ sources: { reviews }, steps: [{ type: 'sentiment' }] }));
    const run = await pulse('workflow', 'run', pipeline, '--quiet');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^texts: the pipeline's own \(1 source: reviews\)\nsentiment \(3 texts\): /);
    expect(run.stdout).not.toContain('0 analysed');
    const doc = JSON.parse((await pulse('workflow', 'run', pipeline, '--json', '--quiet')).stdout) as Record<string, unknown>;
    expect(doc).not.toHaveProperty('texts');
    expect(doc.sources).toEqual(['reviews']);
    expect((doc.results as { sentiment: { results: unknown[] } }).sentiment.results).toHaveLength(3);
    const source = await pulse('workflow', 'run', pipeline, '--source', 'reviews');
    expect([source.code, source.stderr]).toEqual([2, expect.stringContaining('--source names the source FILE fills')]);
    expect(source.stderr).not.toContain('emulator at');
  });
});

describe('pulse login and logout (PKCE on a loopback redirect)', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterAll(() => emulator.close());

  it('login stores a refresh token (0600) that later commands use and rotate; logout forgets it', async () => {
    clean();
    const config = join(dir, 'config');
    // A "browser" that logs in at once: follows /authorize to the loopback callback.
    const browser = join(dir, 'browser.js');
    writeFileSync(browser, "fetch(process.argv[2], { redirect: 'manual' }).then((r) => fetch(r.headers.get('location')));\n");
    Object.assign(process.env, {
      PULSE_CONFIG_DIR: config,
      PULSE_CLIENT_ID: emulator.clientId,
      PULSE_TOKEN_URL: emulator.tokenUrl,
      PULSE_AUTHORIZE_URL: `${new URL(emulator.tokenUrl).origin}/authorize`,
      PULSE_BASE_URL: emulator.url,
      BROWSER: `${process.execPath} ${browser}`,
    });
    const login = await pulse('login', '--organization', 'org_cli');
    expect(login.code).toBe(0);
    expect(login.stderr).toMatch(/open this URL to log in: http:\/\/127\.0\.0\.1:\d+\/authorize\?/);
    const file = join(config, 'credentials.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { refreshToken: string; organization: string };
    expect(stored.organization).toBe('org_cli');
    expect(login.stdout + login.stderr).not.toContain(stored.refreshToken);

    delete process.env.PULSE_CLIENT_ID; // the stored login is the only credential left
    const run = await pulse('sentiment', texts, '--json');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('using the stored login');
    expect(run.stderr).not.toContain('emulator at');
    const rotated = JSON.parse(readFileSync(file, 'utf8')) as { refreshToken: string };
    expect(rotated.refreshToken).not.toBe(stored.refreshToken);

    expect((await pulse('logout')).stdout).toBe(`logged out (removed ${file})\n`);
    expect(existsSync(file)).toBe(false);
    expect(JSON.parse((await pulse('logout', '--json')).stdout)).toMatchObject({ command: 'logout', removed: false });
  });

  it('login without a client id is a usage error', async () => {
    clean();
    const run = await pulse('login', '--no-browser');
    expect([run.code, run.stderr]).toEqual([2, expect.stringContaining('pulse login needs --client-id ID or PULSE_CLIENT_ID')]);
  });
});

describe('pulse completion', () => {
  it('bash: a script that completes commands, subcommands and each command\'s options', async () => {
    const script = (await pulse('completion', 'bash')).stdout;
    const complete = async (...words: string[]) => {
      const cword = words.length - 1;
      const program = `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${cword}; _pulse; echo "\${COMPREPLY[*]}"`;
      return (await promisify(execFile)('bash', ['-c', program])).stdout.trim().split(' ');
    };
    expect(await complete('pulse', 'su')).toEqual(['summarize']);
    expect(await complete('pulse', 'workflow', '')).toEqual(['run']);
    expect(await complete('pulse', 'completion', 'z')).toEqual(['zsh']);
    expect(await complete('pulse', 'cluster', 'x.csv', '--al')).toEqual(['--algorithm']);
    expect(await complete('pulse', 'sentiment', 'x.csv', '--al')).toEqual(['']);
    const zsh = await pulse('completion', 'zsh');
    expect(zsh.stdout).toContain('bashcompinit');
    expect((await pulse('completion', 'fish')).code).toBe(2);
  });
});
