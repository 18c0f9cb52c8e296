import { defineConfig } from 'tsup';

/**
 * One build for every entry, so each module system gets exactly one copy of every class:
 * ESM and CommonJS both split shared code into chunks (CommonJS splitting is opt-in in
 * tsup). Separate builds per entry would each inline their own PulseClient and errors, and
 * `require('pulse-rx/node')` would reject a client from `require('pulse-rx')`.
 * The command-line programs are entries of the same build: they load the same chunks.
 */
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    emulator: 'src/emulator/index.ts',
    node: 'src/node/index.ts',
    bullmq: 'src/bullmq/index.ts',
    'cli/pulse': 'src/cli/pulse.ts',
    'cli/pulse-emulator': 'src/cli/pulse-emulator.ts',
  },
  format: ['esm', 'cjs'],
  splitting: true,
  // `npm start` on a changed tree builds only the JavaScript it runs (PULSE_BUILD_JS_ONLY).
  dts: process.env.PULSE_BUILD_JS_ONLY ? false : { entry: { index: 'src/index.ts', emulator: 'src/emulator/index.ts', node: 'src/node/index.ts', bullmq: 'src/bullmq/index.ts' } },
  sourcemap: true,
  // Classes keep their names (stack traces, console.log) whatever the bundler renames.
  keepNames: true,
  clean: !process.env.PULSE_BUILD_JS_ONLY,
  target: 'es2022',
  platform: 'node',
  // Dependencies stay imports: the app's own copies (and rxjs as a peer) are used.
  external: ['rxjs', 'axios', 'zod', 'ajv', 'yaml', 'cli-progress', 'csv-parse', 'bullmq', 'ioredis'],
  outExtension: ({ format }) => ({ js: format === 'esm' ? '.mjs' : '.js' }),
});
