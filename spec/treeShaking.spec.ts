import { join, relative } from 'node:path';
import { builtGraph } from './helpers/builtGraph';
import { bundleSize } from './bench/support/bundleSize';

/**
 * What keeps a browser app small (spec/bench/size.bench.ts has the figures): the ES module
 * build leaves tree-shaking to the app's bundler, and the schemas reach only `zod/mini`.
 */
const root = join(__dirname, '..');

beforeAll(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildIfStale } = require('../examples/support/buildIfStale.cjs') as { buildIfStale: (o: object) => boolean };
  buildIfStale({ jsOnly: true });
}, 120_000);

describe('tree-shaking', () => {
  it('the ES module build has no lazy-init wrappers (__esm) nor keepNames calls (__name), which a bundler must keep', () => {
    const entries = ['index.mjs', 'node.mjs', 'emulator.mjs', 'cli/pulse.mjs', 'cli/pulse-emulator.mjs'];
    const esm = new Map(entries.flatMap((e) => [...builtGraph(join(root, 'dist', e)).files]));
    const found = [...esm].flatMap(([file, text]) =>
      ['__esm(', '__name('].filter((marker) => text.includes(marker)).map((marker) => `${relative(root, file)}: ${marker}`),
    );
    expect(esm.size).toBeGreaterThan(entries.length);
    expect(found).toEqual([]);
  });

  it('an app calling analyzeSentiment bundles zod/mini with its English locale only', async () => {
    const app = `import { PulseClient } from 'pulse-rx';
      PulseClient.withToken('t').analyzeSentiment({ inputs: ['good'], fast: true }).subscribe(console.log);`;
    const { metafile } = await bundleSize(app, { root, external: ['rxjs', 'axios'] });
    // What ends up in the output (the metafile's top-level inputs also list what was parsed and dropped).
    const bundled = Object.values(metafile.outputs).flatMap((o) =>
      Object.entries(o.inputs)
        .filter(([, i]) => i.bytesInOutput > 0)
        .map(([f]) => f),
    );
    const zod = bundled.filter((f) => f.includes('node_modules/zod/'));
    expect(zod.length).toBeGreaterThan(0);
    expect(zod.filter((f) => /\/v4\/classic\//.test(f))).toEqual([]);
    expect(zod.filter((f) => /\/locales\//.test(f)).map((f) => f.slice(f.lastIndexOf('/') + 1))).toEqual(['en.js']);
  });
});
