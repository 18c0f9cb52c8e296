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
    expect(Object.keys(pkg.peerDependencies!).sort()).toEqual(['ajv', 'cli-progress', 'csv-parse', 'rxjs', 'yaml']);
    expect(pkg.peerDependenciesMeta).toEqual({
      ajv: { optional: true },
      'cli-progress': { optional: true },
      'csv-parse': { optional: true },
      yaml: { optional: true },
    });
  });
});
