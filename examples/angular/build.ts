/**
 * Builds the Angular example with Angular's own application builder (`@angular/build`, AOT,
 * production budgets from angular.json), run through Architect as `ng build` would:
 * `examples/angular/dist/browser/`. `pulse-rx` is a package as an app installs it: the
 * repository's built package by default (its exports map to dist/), or the installed
 * tarball (tests), linked at examples/angular/node_modules/pulse-rx. Fails when the bundle
 * would contain a Node-only module or pulse-rx sources. Run: `npm run build:angular`.
 */
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Architect } from '@angular-devkit/architect';
import { WorkspaceNodeModulesArchitectHost } from '@angular-devkit/architect/node';
import { logging, schema, workspaces } from '@angular-devkit/core';
import { NodeJsSyncHost } from '@angular-devkit/core/node';

/** What a build produced: where, from which modules, and the initial bundle's size. */
export interface AngularBuild {
  outDir: string;
  inputs: string[];
  initial: { files: string[]; bytes: number; gzipBytes: number };
}

export async function buildAngularExample(packageDir = resolve(__dirname, '..', '..')): Promise<AngularBuild> {
  const root = __dirname;
  link(join(root, 'node_modules', 'pulse-rx'), packageDir);
  const registry = new schema.CoreSchemaRegistry();
  registry.addPostTransform(schema.transforms.addUndefinedDefaults);
  const { workspace } = await workspaces.readWorkspace(root, workspaces.createWorkspaceHost(new NodeJsSyncHost()));
  const architect = new Architect(new WorkspaceNodeModulesArchitectHost(workspace, root), registry);
  const logger = new logging.Logger('build');
  const messages: string[] = [];
  logger.subscribe((entry) => messages.push(entry.message));
  const run = await architect.scheduleTarget({ project: 'pulse-example', target: 'build', configuration: 'production' }, {}, { logger });
  const result = await run.result;
  await run.stop();
  if (!result.success) throw new Error(`ng build failed:\n${messages.join('\n')}`);
  const outDir = join(root, 'dist', 'browser');
  const stats = JSON.parse(readFileSync(join(root, 'dist', 'stats.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
  // The modules that made it into the output (the inputs list also names what was tree-shaken away).
  const inputs = [...new Set(Object.values(stats.outputs).flatMap((o) => Object.keys(o.inputs)))];
  // Paths are relative to examples/angular; the package may show under its link or its real folder.
  const packageFiles = [`node_modules/pulse-rx/`, `${relative(root, realpathSync(packageDir))}/`];
  const fromPackage = inputs.filter((i) => packageFiles.some((p) => i.startsWith(p)) && /dist\/(index|angular)\.mjs$/.test(i));
  const sources = inputs.filter((i) => i.startsWith('../../src/'));
  if (fromPackage.length !== 2 || sources.length) {
    throw new Error(`pulse-rx must come from the package (dist/index.mjs, dist/angular.mjs), not src/: ${inputs.filter((i) => /pulse|dist|src\//.test(i)).join(', ')}`);
  }
  const nodeOnly = inputs.filter((i) => i.startsWith('node:') || /\/dist\/(emulator|node|testing|cli)/.test(i));
  if (nodeOnly.length) throw new Error(`the browser bundle would contain Node-only modules: ${nodeOnly.join(', ')}`);
  return { outDir, inputs, initial: initialFiles(outDir) };
}

/** Points `at` to the package folder (a symlink, replaced when it points elsewhere). */
function link(at: string, target: string): void {
  mkdirSync(join(at, '..'), { recursive: true });
  if (existsSync(at) || isLink(at)) rmSync(at, { recursive: true, force: true });
  symlinkSync(target, at, 'dir');
}

const isLink = (path: string) => {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
};

/** The initial bundle as Angular counts it: the scripts and module preloads of index.html. */
function initialFiles(outDir: string): AngularBuild['initial'] {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]!).filter((f, i, all) => all.indexOf(f) === i);
  const js = readdirSync(outDir).filter((f) => f.endsWith('.js'));
  const initial = files.filter((f) => js.includes(f));
  const bytes = initial.reduce((n, f) => n + statSync(join(outDir, f)).size, 0);
  const gzipBytes = initial.reduce((n, f) => n + gzipSync(readFileSync(join(outDir, f)), { level: 9 }).length, 0);
  return { files: initial, bytes, gzipBytes };
}

if (require.main === module) {
  buildAngularExample().then(
    ({ outDir, inputs, initial }) =>
      console.log(`built ${outDir}: initial ${(initial.bytes / 1024).toFixed(1)} KiB (${(initial.gzipBytes / 1024).toFixed(1)} KiB gzip) in ${initial.files.join(', ')}, from ${inputs.length} modules`),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
