import { build, type Metafile } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What a browser bundle weighs: minified bytes, gzip level 9 bytes, and minified bytes per package. */
export interface BundleFigures {
  minBytes: number;
  gzipBytes: number;
  /** Minified bytes in the output per source: a package name, or `pulse-rx` for the built package. */
  byPackage: Map<string, number>;
  metafile: Metafile;
}

/** How to bundle one app. */
export interface BundleConfig {
  /** The package root whose dist/ stands for `pulse-rx` (what ships, not src/). */
  root: string;
  /** Packages left to the app (imports kept). */
  external: string[];
}

/**
 * A folder where `pulse-rx` is installed as a link to `root`: the app resolves it through its
 * package.json (`exports` with the browser conditions, `sideEffects`) to dist/, as an install would.
 */
function appFolder(root: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pulse-size-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(root, join(dir, 'node_modules', 'pulse-rx'), 'dir');
  return dir;
}

/** The package a bundled input belongs to (`node_modules/<name>/...`), else `pulse-rx`. */
export function packageOf(input: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input.slice(input.lastIndexOf('node_modules/')));
  return m ? m[1]! : 'pulse-rx';
}

/**
 * Bundles `source` (an ES module) with esbuild for the browser, minified, and gzips it at level 9.
 *
 * @example
 * const f = await bundleSize(`export * from 'pulse-rx'`, { root, external: ['rxjs', 'axios'] });
 */
export async function bundleSize(source: string, config: BundleConfig): Promise<BundleFigures> {
  const dir = appFolder(config.root);
  const result = await build({
    stdin: { contents: source, resolveDir: dir, loader: 'ts' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    metafile: true,
    logLevel: 'silent',
    external: config.external,
  }).finally(() => rmSync(dir, { recursive: true, force: true }));
  const code = result.outputFiles[0]!.contents;
  const byPackage = new Map<string, number>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = packageOf(input);
      byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
    }
  }
  return { minBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length, byPackage, metafile: result.metafile };
}
