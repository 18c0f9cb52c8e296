import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The built package loads as users load it: ESM `import` and CommonJS `require` of each
 * entry, by package name (Node resolves a package's own name through its exports map).
 * The package project's globalSetup rebuilds dist/ when src/ is newer.
 */
const root = join(__dirname, '..', '..');
const run = (args: string[]) => execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 30_000 }).trim();

describe('the built package', () => {
  beforeAll(() => {
    if (!existsSync(join(root, 'dist', 'index.mjs'))) throw new Error('dist/ is missing: run `npm run build`');
  });

  const script = `
    const { PulseClient } = await load('pulse-rx');
    const { startEmulator } = await load('pulse-rx/emulator');
    const { readTexts } = await load('pulse-rx/node');
    const { createInMemoryPulse } = await load('pulse-rx/testing');
    const { firstValueFrom } = await load('rxjs');
    const e = await startEmulator();
    const c = PulseClient.withClientCredentials({ baseUrl: e.url, tokenUrl: e.tokenUrl, clientId: e.clientId, clientSecret: e.clientSecret });
    const r = await firstValueFrom(c.analyzeSentiment({ inputs: ['great'], fast: true }));
    c.close(); await e.close();
    const k = createInMemoryPulse();
    const m = PulseClient.withToken('t', { baseUrl: k.baseUrl, axios: k.axios });
    const s = await firstValueFrom(m.analyzeSentiment({ inputs: ['great'], fast: true }));
    console.log(r.results[0].sentiment, typeof readTexts, s.results[0].sentiment);`;

  it('ESM: import of every entry works end to end', () => {
    expect(run(['--input-type=module', '-e', `const load = (m) => import(m);${script}`])).toBe('positive function positive');
  });

  it('CommonJS: require of every entry works end to end', () => {
    expect(run(['-e', `const load = async (m) => require(m); (async () => {${script}})();`])).toBe('positive function positive');
  });

  it('30 calls in flight on one client raise no Node warning (e.g. MaxListenersExceededWarning)', () => {
    const code = `
      const { PulseClient } = require('pulse-rx');
      const { startEmulator } = require('pulse-rx/emulator');
      const { firstValueFrom, merge, toArray } = require('rxjs');
      (async () => {
        const e = await startEmulator();
        const c = PulseClient.withClientCredentials({ baseUrl: e.url, tokenUrl: e.tokenUrl, clientId: e.clientId, clientSecret: e.clientSecret });
        const all = await firstValueFrom(merge(...Array.from({ length: 30 }, () => c.analyzeSentiment({ inputs: ['x'], fast: true }))).pipe(toArray()));
        console.log(all.length);
        c.close();
        await e.close();
      })();`;
    const result = spawnSync(process.execPath, ['-e', code], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    expect(result.stdout.trim()).toBe('30');
    expect(result.stderr).not.toMatch(/Warning/);
  });

  it.each([
    ['CommonJS', '.js'],
    ['ESM', '.mjs'],
  ])('%s: each class is defined in one file only, shared by every entry and the commands', (_system, ext) => {
    const files = [...readdirSync(join(root, 'dist')).map((f) => join('dist', f)), ...readdirSync(join(root, 'dist', 'cli')).map((f) => join('dist', 'cli', f))];
    const code = files.filter((f) => f.endsWith(ext)).map((f) => ({ f, text: readFileSync(join(root, f), 'utf8') }));
    // A branded class's definition is where its brand is set: brand(<class>, 'Name') (in
    // CommonJS chunks, brand.call(void 0, <class>, 'Name')).
    for (const name of ['PulseClient', 'PulseError', 'PulseValidationError', 'SentimentResult', 'Process']) {
      const definers = code.filter(({ text }) => new RegExp(`brand(?:\\)?\\(|\\.call\\(void 0, )[\\w$]+, ["']${name}["']\\)`).test(text)).map(({ f }) => f);
      expect({ name, definers: definers.length }).toEqual({ name, definers: 1 });
    }
  });

  it('every exported class keeps its name in both module systems (stack traces, console.log)', () => {
    const script = (load: string) => `${load}.then((m) => console.log(JSON.stringify(Object.entries(m)
      .filter(([, v]) => typeof v === 'function' && /^class\\b/.test(Function.prototype.toString.call(v)))
      .filter(([k, v]) => v.name !== k).map(([k, v]) => k + ' is named ' + v.name))))`;
    expect(JSON.parse(run(['-e', script("Promise.resolve(require('pulse-rx'))")]))).toEqual([]);
    expect(JSON.parse(run(['--input-type=module', '-e', script("import('pulse-rx')")]))).toEqual([]);
  });
});

