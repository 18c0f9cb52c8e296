import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MissingPackageError } from 'pulse-rx';
import { requireOptional } from '../src/optionalPackage';

/**
 * ajv, yaml, csv-parse and cli-progress are optional peers: loaded when first needed, with a
 * MissingPackageError naming the package when they are not installed. The built programs run
 * with spec/helpers/hidePackages.cjs preloaded (`node -r`), which makes a package look
 * uninstalled to Node's resolver: nothing is deleted.
 */
const root = join(__dirname, '..');
const HIDE = join(__dirname, 'helpers', 'hidePackages.cjs');
const ALL = 'ajv,yaml,csv-parse,cli-progress';

/** Runs node with the hook preloaded; a script, or a file and its arguments. */
function node(hide: string, args: string[], cwd = root) {
  const env = { ...process.env, HIDE_PACKAGES: hide, PULSE_CLIENT_ID: '', PULSE_CLIENT_SECRET: '', PULSE_TOKEN: '' };
  const r = spawnSync(process.execPath, ['-r', HIDE, ...args], { cwd, env, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
}

beforeAll(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildIfStale } = require('../examples/support/buildIfStale.cjs') as { buildIfStale: (o: object) => boolean };
  buildIfStale({ jsOnly: true });
}, 120_000);

describe('requireOptional', () => {
  const missing = (specifier: string) => () => {
    throw Object.assign(new Error(`Cannot find module '${specifier}'`), { code: 'MODULE_NOT_FOUND' });
  };

  it('names the package (not the file) and what needs it', () => {
    let error: unknown;
    try {
      requireOptional('ajv/dist/2020.js', 'pulse-rx/emulator', missing('ajv/dist/2020.js'));
    } catch (e) {
      error = e;
    }
    expect(MissingPackageError.is(error)).toBe(true);
    expect(error).toMatchObject({
      packageName: 'ajv',
      usedBy: 'pulse-rx/emulator',
      message: 'pulse-rx/emulator needs the optional package ajv, which is not installed: npm install ajv',
    });
  });

  it("a package's own missing dependency is not blamed on the package", () => {
    expect(() => requireOptional('ajv/dist/2020.js', 'pulse-rx/emulator', missing('fast-uri'))).toThrow("Cannot find module 'fast-uri'");
  });

  it('loads an installed package', () => {
    expect(requireOptional<typeof import('yaml')>('yaml', 'test').parse('a: 1')).toEqual({ a: 1 });
  });
});

describe('the built package without its optional peers', () => {
  it.each([
    ['CommonJS', `const load = async (m) => require(m);`],
    ['ESM', `const load = (m) => import(m);`],
  ])('%s: importing any entry needs none of them', (system, loader) => {
    const script = `${loader}
      (async () => {
        const { PulseClient } = await load('pulse-rx');
        const node = await load('pulse-rx/node');
        const emulator = await load('pulse-rx/emulator');
        console.log(typeof PulseClient, typeof node.readTexts, typeof emulator.startEmulator);
      })();`;
    const r = node(ALL, system === 'ESM' ? ['--input-type=module', '-e', script] : ['-e', script]);
    expect(r).toEqual({ code: 0, stdout: 'function function function', stderr: '' });
  });

  it('pulse-emulator says which package to install', () => {
    for (const program of ['pulse-emulator.js', 'pulse-emulator.mjs']) {
      const r = node('ajv', [join(root, 'dist', 'cli', program), '--port', '0']);
      expect({ program, code: r.code, stderr: r.stderr }).toEqual({
        program,
        code: 2,
        stderr: 'pulse-emulator: pulse-rx/emulator needs the optional package ajv, which is not installed: npm install ajv',
      });
    }
  });

  it('pulse says which package to install: csv-parse for a CSV file, ajv for the embedded emulator', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pulse-optional-'));
    writeFileSync(join(dir, 'reviews.csv'), 'id,comment\n1,great rides\n2,cold food\n');
    const pulse = (hide: string) => node(hide, [join(root, 'dist', 'cli', 'pulse.js'), 'sentiment', 'reviews.csv', '--column', 'comment', '--quiet'], dir);
    expect(pulse('csv-parse').stderr).toContain('needs the optional package csv-parse, which is not installed: npm install csv-parse');
    expect(pulse('ajv').stderr).toContain('pulse-rx/emulator needs the optional package ajv, which is not installed: npm install ajv');
    // Without a terminal there are no progress bars, and a workflow file is not read: neither is needed.
    expect(pulse('yaml,cli-progress')).toMatchObject({ code: 0, stderr: '' });
  });

  it('loadWorkflowFile raises MissingPackageError for yaml', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pulse-optional-'));
    writeFileSync(join(dir, 'pipeline.yaml'), 'sources:\n  reviews: ["a", "b"]\nsteps:\n  - type: sentiment\n');
    const script = `const { firstValueFrom } = require('rxjs');
      const { loadWorkflowFile } = require('pulse-rx/node');
      const { MissingPackageError } = require('pulse-rx');
      firstValueFrom(loadWorkflowFile(${JSON.stringify(join(dir, 'pipeline.yaml'))})).catch((e) =>
        console.log(JSON.stringify({ is: MissingPackageError.is(e), ...e.toJSON() })));`;
    expect(JSON.parse(node('yaml', ['-e', script]).stdout)).toEqual({
      is: true,
      name: 'MissingPackageError',
      packageName: 'yaml',
      usedBy: 'loadWorkflowFile (pulse-rx/node)',
      message: 'loadWorkflowFile (pulse-rx/node) needs the optional package yaml, which is not installed: npm install yaml',
    });
  });
});
