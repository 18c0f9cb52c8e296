import { buildSync } from 'esbuild';
import { join } from 'node:path';

/**
 * Angular ships ES modules only, which this jest setup (CommonJS via ts-jest) cannot load.
 * A suite under spec/angular/suites is bundled with esbuild into CommonJS (Angular and
 * pulse-rx from src/ inside) and run here: its describe/it/expect are jest's own.
 */
export function loadSuite(name: string): void {
  const root = join(__dirname, '..', '..');
  const { outputFiles } = buildSync({
    // The JIT compiler first: Angular's packages are partially compiled and need it (in an
    // app, the Angular Linker or the CLI does this instead).
    stdin: { contents: `import '@angular/compiler';\nimport './suites/${name}';`, resolveDir: __dirname, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'es2022',
    write: false,
    sourcemap: 'inline',
    logLevel: 'error',
    // package.json says `sideEffects: false`, which would drop the suite's import (it has no exports).
    ignoreAnnotations: true,
    tsconfig: join(root, 'tsconfig.json'),
  });
  const module = { exports: {} };
  new Function('require', 'module', 'exports', outputFiles[0]!.text)(require, module, module.exports);
}
