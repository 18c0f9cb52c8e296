/**
 * Size bench (issue 15.1): what pulse-rx weighs in a browser app, bundled from dist/ (what
 * ships) with esbuild for the browser, minified, gzip level 9, in one run:
 *   (a) an app that imports PulseClient and calls analyzeSentiment, zod bundled, rxjs and axios
 *       left to the app: target <= 35 KB;
 *   (b) the whole core entry, zod bundled: target <= 45 KB;
 *   and, for reference, the core entry with zod left to the app too, and the app with
 *   everything bundled; (c) the vendor's TypeScript SDK where it builds, and the ratio.
 * Figures are printed beside their targets, never asserted.
 *
 *   npm run bench:size
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { bundleSize, type BundleFigures } from './support/bundleSize';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildIfStale } = require('../../examples/support/buildIfStale.cjs') as { buildIfStale: (o: object) => boolean };

const root = join(__dirname, '..', '..');
const KB = 1024;
const VENDOR = '@rwai/pulse';

/** The smallest real use: one client, one call. */
const APP = `import { PulseClient } from 'pulse-rx';
const client = PulseClient.withToken('token', { baseUrl: 'https://pulse.example/v1' });
client.analyzeSentiment({ inputs: ['The staff were lovely'], fast: true }).subscribe((r) => console.log(r.results));`;

const VENDOR_APP = `import { CoreClient } from '${VENDOR}';
new CoreClient({}).analyzeSentiment(['The staff were lovely'], { fast: true }).then((r) => console.log(r));`;

interface Row {
  name: string;
  source: string;
  external: string[];
  targetKb?: number;
}

const rows: Row[] = [
  { name: '(a) app: PulseClient + analyzeSentiment, zod bundled', source: APP, external: ['rxjs', 'axios'], targetKb: 35 },
  { name: '(b) core entry, zod bundled', source: `export * from 'pulse-rx';`, external: ['rxjs', 'axios'], targetKb: 45 },
  { name: '    core entry, zod external too', source: `export * from 'pulse-rx';`, external: ['rxjs', 'axios', 'zod'] },
  { name: '    app, everything bundled', source: APP, external: [] },
];

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const top = (f: BundleFigures) =>
  [...f.byPackage]
    .sort((x, y) => y[1] - x[1])
    .map(([name, bytes]) => `${name} ${kb(bytes)}`)
    .join(', ');

/**
 * The vendor's client bundled like (a), where it can be: it must be installed (it is not on
 * the public npm registry: `npm view @rwai/pulse` answers 404), and its index must not reach
 * Node modules. Returns its figures, or why not.
 */
async function vendor(): Promise<BundleFigures | string> {
  const fromRoot = createRequire(join(root, 'package.json'));
  try {
    fromRoot.resolve(`${VENDOR}/package.json`);
  } catch {
    return (
      `${VENDOR} is not installed here and \`npm view ${VENDOR}\` answers 404 (not on the public registry); ` +
      'its source (researchwiseai/pulse-ts 0.1.14) imports fs and path in dsl.ts and starters.ts, both ' +
      "reached from its index, and crypto in AuthorizationCodePKCEAuth.ts; undici is in its dev dependencies"
    );
  }
  try {
    return await bundleSize(VENDOR_APP, { root, external: [] });
  } catch (e) {
    const errors = (e as { errors?: { text: string }[] }).errors ?? [];
    const modules = [...new Set(errors.map((x) => /resolve "([^"]+)"/.exec(x.text)?.[1]).filter(Boolean))];
    return `esbuild --platform=browser fails: ${modules.length ? `imports ${modules.join(', ')}` : String(e)}`;
  }
}

async function main(): Promise<void> {
  if (buildIfStale({ jsOnly: true })) console.log('dist/ rebuilt from src/');
  console.log(`esbuild ${(await import('esbuild')).version}, platform browser, minified, gzip -9; pulse-rx from dist/\n`);
  const app: BundleFigures[] = [];
  for (const row of rows) {
    const f = await bundleSize(row.source, { root, external: row.external });
    app.push(f);
    const target = row.targetKb === undefined ? '' : `  target <= ${row.targetKb} KB: ${f.gzipBytes <= row.targetKb * KB ? 'met' : 'MISSED'}`;
    console.log(`${row.name.padEnd(56)} ${kb(f.minBytes).padStart(9)} min  ${kb(f.gzipBytes).padStart(8)} min+gzip${target}`);
    console.log(`${''.padEnd(56)} (minified: ${top(f)})`);
  }
  const v = await vendor();
  if (typeof v === 'string') {
    console.log('\nvendor: not buildable for the browser (imports fs, path, crypto, undici)');
    console.log(`        measured: ${v}`);
  } else {
    console.log(`\nvendor (${VENDOR}), same app ${kb(v.minBytes).padStart(9)} min  ${kb(v.gzipBytes).padStart(8)} min+gzip`);
    console.log(`ratio vendor / pulse-rx (a): ${(v.gzipBytes / app[0]!.gzipBytes).toFixed(2)}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
