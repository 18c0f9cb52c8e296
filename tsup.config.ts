import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The core and the Node-only emulator are separate entries: the core never reaches it.
    entry: { index: 'src/index.ts', emulator: 'src/emulator/index.ts', node: 'src/node/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: false,
    target: 'es2022',
    external: ['rxjs', 'axios', 'zod', 'ajv'],
    outExtension: ({ format }) => ({ js: format === 'esm' ? '.mjs' : '.js' }),
  },
  {
    entry: { 'pulse-emulator': 'src/cli/pulse-emulator.ts', pulse: 'src/cli/pulse.ts' },
    outDir: 'dist/cli',
    format: ['cjs'],
    platform: 'node',
    target: 'node20',
    external: ['ajv'],
  },
]);
