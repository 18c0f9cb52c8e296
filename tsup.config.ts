import { defineConfig } from 'tsup';

/**
 * One build for every entry, so each module system gets exactly one copy of every class:
 * ESM and CommonJS both split shared code into chunks (CommonJS splitting is opt-in in
 * tsup). Separate builds per entry would each inline their own PulseClient and errors, and
 * `require('pulse-rx/node')` would reject a client from `require('pulse-rx')`.
 * The command-line programs are entries of the same build: they load the same chunks.
 */
/** The package's entries (each with type declarations); `package.json` exports each. */
const libraries = {
  index: 'src/index.ts',
  emulator: 'src/emulator/index.ts',
  node: 'src/node/index.ts',
  angular: 'src/angular/index.ts',
  testing: 'src/testing/index.ts',
  bullmq: 'src/bullmq/index.ts',
};

export default defineConfig({
  entry: { ...libraries, 'cli/pulse': 'src/cli/pulse.ts', 'cli/pulse-emulator': 'src/cli/pulse-emulator.ts' },
  format: ['esm', 'cjs'],
  splitting: true,
  // `npm start` on a changed tree builds only the JavaScript it runs (PULSE_BUILD_JS_ONLY).
  dts: process.env.PULSE_BUILD_JS_ONLY ? false : { entry: libraries },
  sourcemap: true,
  // CommonJS classes keep their names (stack traces, console.log) whatever the bundler renames.
  // Not in the ES modules: keepNames adds a `__name()` call per function and class, which an
  // app's bundler must keep, and with it everything it names (+14 KB minified in a browser app
  // that only calls analyzeSentiment; spec/bench/size.bench.ts). Their names need no help,
  // except a class that refers to itself in its body (see PulseClient).
  esbuildOptions(options, { format }) {
    options.keepNames = format === 'cjs';
    // src/optionalPackage.ts resolves optional packages from its own file. (tsup's shims would
    // do it too, but put `import 'path'` and `'url'` in a chunk that the core entry imports.)
    if (format === 'esm') options.define = { ...options.define, __filename: 'import.meta.url' };
  },
  clean: !process.env.PULSE_BUILD_JS_ONLY,
  target: 'es2022',
  platform: 'node',
  // Dependencies stay imports: the app's own copies (and rxjs as a peer) are used. exceljs is
  // an optional peer loaded on first use by the node entry (.xlsx), never bundled; so are
  // bullmq and ioredis (pulse-rx/bullmq).
  external: ['rxjs', 'axios', 'zod', 'ajv', 'yaml', 'cli-progress', 'csv-parse', 'exceljs', 'bullmq', 'ioredis', /^@angular\//,
    // pulse-rx/angular and pulse-rx/testing import the core by name: the app's one copy of it.
    'pulse-rx'],
  outExtension: ({ format }) => ({ js: format === 'esm' ? '.mjs' : '.js' }),
});
