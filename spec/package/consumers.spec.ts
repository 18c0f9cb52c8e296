import { execFileSync, spawn } from 'node:child_process';
import { cpSync, copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startRedisServer, type RedisServer } from '../helpers/redisServer';
import { installedPackage } from './installedPackage';

/**
 * The packed tarball installed into throwaway projects outside the repository, used as
 * users use it: CommonJS, ESM, an ESM app with a CommonJS helper (two copies of the library
 * in one process), TypeScript with moduleResolution node16 and bundler, and the bins. Each
 * JavaScript consumer loads every runtime entry (core, node, emulator, testing, bullmq on a
 * real redis-server) its own way and does one real thing with each.
 */
const repo = join(__dirname, '..', '..');
let dir: string;
let work: string;
let redis: RedisServer;

const node = (args: string[], cwd = work) => execFileSync(process.execPath, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
/** Runs a JavaScript consumer; it prints its facts as JSON. */
const consumer = (file: string) => JSON.parse(node([join(work, file), work, String(redis.port)])) as unknown;

beforeAll(async () => {
  redis = await startRedisServer();
  dir = installedPackage().dir;
  work = mkdtempSync(join(dir, 'run-'));
  cpSync(join(__dirname, 'consumers'), work, { recursive: true });
  copyFileSync(join(repo, 'examples', 'data', 'park-reviews.csv'), join(work, 'reviews.csv'));
  writeFileSync(join(work, 'pipeline.yaml'), 'sources:\n  reviews: ["Great rides", "Cold food", "Long queues", "Friendly staff"]\n' +
    'steps:\n  - type: sentiment\n  - type: themeGeneration\n    maxThemes: 2\n');
}, 300_000);
afterAll(() => redis?.stop());

const expected = {
  sentiment: { total: 280, isResult: true },
  workflow: ['sentiment', 'themeGeneration'],
  missingFile: { name: 'PulseValidationError', sameCopy: true, pulseError: true, isPulseError: true, validation: true, apiError: false, rateLimit: false },
  serverError: { name: 'ServerError', sameCopy: true, pulseError: true, isPulseError: true, validation: false, apiError: true, rateLimit: false },
  // pulse-rx/testing answers the core's client in memory; its option errors are the core's class.
  inMemory: { sentiments: ['positive', 'negative'], exchanges: 1 },
  inMemoryError: { name: 'PulseValidationError', sameCopy: true, pulseError: true, isPulseError: true, validation: true, apiError: false, rateLimit: false },
  // Misspelt or misplaced options: named, with the option meant, by every entry of the installed package.
  typos: [
    'PulseValidationError: options.jobDurationMS: unknown option; did you mean jobDurationMs?',
    'PulseValidationError: poll.denseIntervalMS: unknown option; did you mean denseIntervalMs?',
    'PulseValidationError: poll: is an adaptive() policy; pass it as poll: { strategy: adaptive(...) }',
    'PulseValidationError: fats: is not a known field; did you mean fast?',
    'PulseValidationError: sentiment.fastt: unknown option; did you mean fast?',
    'PulseValidationError: steps[0].type: must be one of themeGeneration, sentiment, themeAllocation, themeExtraction, similarity, cluster, summary, dataDictionary, createEmbeddings; did you mean sentiment?',
  ],
  // pulse-rx/bullmq: a queued analysis answered as one client answers it, through the fleet's limit in Redis.
  fleet: { results: 2, sameAsOneClient: true, limitedOnRedis: true },
  fleetError: { name: 'PulseValidationError', sameCopy: true, pulseError: true, isPulseError: true, validation: true, apiError: false, rateLimit: false },
};

describe('the installed package', () => {
  it('CommonJS: every entry through require; a client from pulse-rx works in the other entries, errors cross entries', () => {
    expect(consumer(join('cjs', 'index.cjs'))).toEqual(expected);
  });

  it('ESM: the same through import', () => {
    expect(consumer(join('esm', 'index.mjs'))).toEqual(expected);
  });

  it('mixed: an ESM app with a CommonJS helper shares clients and errors across the two copies', () => {
    expect(consumer(join('mixed', 'app.mjs'))).toEqual({
      ...expected,
      // The client came from the CommonJS copy: its errors are that copy's classes, and the
      // ES module copy still recognises them (by brand).
      serverError: { ...expected.serverError, sameCopy: false },
      twoCopies: true,
      helperError: { validation: true, field: 'inputs[0]' },
      appErrorInHelper: true,
      // An option error of pulse-rx/bullmq from the CommonJS copy is the app's class too (by brand).
      helperFleetError: { field: 'nmae', helperClass: true, appClass: true, appGuard: true },
    });
  });

  // The first also checks every shipped declaration file (skipLibCheck off); the others
  // check the consumer's code against them.
  it.each([
    ['node16, CommonJS', 'tsconfig.node16.json', 'commonjs', false],
    ['node16, ESM', 'tsconfig.node16.json', 'module', true],
    ['bundler', 'tsconfig.bundler.json', 'module', true],
  ])('TypeScript (%s) compiles against the shipped declarations', (_label, tsconfig, type, skipLibCheck) => {
    const ts = mkdtempSync(join(work, 'ts-'));
    cpSync(join(work, 'ts'), ts, { recursive: true });
    writeFileSync(join(ts, 'package.json'), JSON.stringify({ type }));
    node([join(dir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', tsconfig, '--skipLibCheck', String(skipLibCheck)], ts);
  });

  it('pulse: analyses a CSV on the embedded emulator when no credentials are set', () => {
    const out = join(work, 'out.json');
    const env = { ...process.env, PULSE_CLIENT_ID: '', PULSE_CLIENT_SECRET: '', PULSE_TOKEN: '' };
    execFileSync(join(dir, 'node_modules', '.bin', 'pulse'), ['sentiment', 'reviews.csv', '--column', 'comment', '--out', out, '--quiet'], { cwd: work, env, stdio: 'pipe' });
    const rows = JSON.parse(readFileSync(out, 'utf8')) as { sentiment: string }[];
    expect(rows).toHaveLength(280);
    expect(new Set(rows.map((r) => r.sentiment)).size).toBeGreaterThan(1);
  });

  it('pulse-emulator: serves the API until stopped', async () => {
    const child = spawn(join(dir, 'node_modules', '.bin', 'pulse-emulator'), ['--port', '0'], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          const m = /(http:\/\/127\.0\.0\.1:\d+\/v1)/.exec(text);
          if (m) resolve(m[1]!);
        });
        child.on('exit', (code) => reject(new Error(`pulse-emulator exited with ${code}: ${text}`)));
      });
      const health = (await (await fetch(`${url}/health`)).json()) as { status: string };
      expect(health.status).toBeTruthy();
    } finally {
      child.kill();
    }
  });
});
