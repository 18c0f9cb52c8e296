import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtGraph } from './helpers/builtGraph';

/**
 * The core install is axios + zod (+ the rxjs peer), and the core entry as built imports
 * nothing else: no optional peer, no Node module (a browser bundle of `pulse-rx` must resolve
 * without polyfills). Checked on what ships: dist/index.mjs and dist/index.js and every chunk
 * they load, rebuilt first when src/ is newer.
 */
const root = join(__dirname, '..');
const CORE = ['axios', 'rxjs', 'zod'];

const packageOf = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2) : spec.split('/').slice(0, 1)).join('/');

beforeAll(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildIfStale } = require('../examples/support/buildIfStale.cjs') as { buildIfStale: (o: object) => boolean };
  buildIfStale({ jsOnly: true });
}, 120_000);

describe('what the core needs', () => {
  it.each(['index.mjs', 'index.js'])('dist/%s imports only axios, zod and rxjs', (entry) => {
    const specs = [...builtGraph(join(root, 'dist', entry)).imports];
    expect(specs.length).toBeGreaterThan(0);
    expect(specs.filter((s) => !CORE.includes(packageOf(s)))).toEqual([]);
  });

  it('package.json: axios and zod are the dependencies; the Node-only parts use optional peers', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, Record<string, unknown>>;
    expect(Object.keys(pkg.dependencies!).sort()).toEqual(['axios', 'zod']);
    // rxjs is the one required peer; every other peer (ajv, yaml, csv-parse, cli-progress for the
    // Node parts, wink for the emulator's language engine, ...) is optional.
    const peers = Object.keys(pkg.peerDependencies!).filter((p) => p !== 'rxjs').sort();
    expect(peers).toEqual(expect.arrayContaining(['ajv', 'cli-progress', 'csv-parse', 'yaml']));
    expect(Object.keys(pkg.peerDependenciesMeta!).sort()).toEqual(peers);
    for (const p of peers) expect(pkg.peerDependenciesMeta![p]).toEqual({ optional: true });
  });
});
