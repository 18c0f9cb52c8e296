/**
 * Builds the Angular example for the browser with esbuild (Angular's JIT compiler, zoneless,
 * no Angular CLI needed): `examples/angular/dist/`. Fails when the bundle would contain a
 * Node-only module. Run: `npm run build:angular`.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';

export async function buildAngularExample(
  outDir = join(__dirname, 'dist'),
  /** Where `pulse-rx` comes from: by default the repository's own package (its exports map to dist/); tests pass the installed tarball. */
  packageDir?: string,
): Promise<{ outDir: string; inputs: string[]; bytes: number }> {
  mkdirSync(outDir, { recursive: true });
  const result = await build({
    entryPoints: [join(__dirname, 'src', 'main.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    outfile: join(outDir, 'main.js'),
    metafile: true,
    logLevel: 'silent',
    tsconfig: join(__dirname, 'tsconfig.json'),
    // The built package, as an app installing pulse-rx gets it (never src/).
    ...(packageDir ? { alias: { 'pulse-rx': packageDir } } : {}),
  });
  copyFileSync(join(__dirname, 'index.html'), join(outDir, 'index.html'));
  const inputs = Object.keys((result.metafile as Metafile).inputs);
  if (!inputs.some((i) => /(^|\/)dist\/index\.mjs$/.test(i)) || inputs.some((i) => /(^|\/)src\/(?!main|app)/.test(i) && !i.includes('examples/angular'))) {
    throw new Error(`pulse-rx must come from the built package (dist/index.mjs): ${inputs.filter((i) => /pulse|dist|src\//.test(i)).join(', ')}`);
  }
  const nodeOnly = inputs.filter((i) => i.startsWith('node:') || /(^|\/)dist\/(emulator|node|cli)/.test(i) || /(^|\/)src\/(emulator|node|cli)\//.test(i));
  if (nodeOnly.length) throw new Error(`the browser bundle would contain Node-only modules: ${nodeOnly.join(', ')}`);
  const bytes = (result.metafile as Metafile).outputs[Object.keys((result.metafile as Metafile).outputs).find((o) => o.endsWith('main.js'))!]!.bytes;
  return { outDir, inputs, bytes };
}

if (require.main === module) {
  buildAngularExample().then(
    ({ outDir, inputs, bytes }) => console.log(`built ${outDir}/main.js: ${Math.round(bytes / 1024)} KiB from ${inputs.length} modules`),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
