/**
 * Builds the Angular example with Angular's own application builder (`@angular/build`, AOT,
 * production budgets from angular.json), run through Architect as `ng build` would:
 * `examples/angular/dist/browser/`. `pulse-rx` is a package as an app installs it: the
 * repository's built package by default (its own name resolves through its exports map to
 * dist/), or the installed tarball (tests), with the example staged outside the repository.
 * Fails when the bundle would contain a Node-only module or pulse-rx sources.
 * Run: `npm run build:angular`.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Architect } from '@angular-devkit/architect';
import { WorkspaceNodeModulesArchitectHost } from '@angular-devkit/architect/node';
import { logging, schema, workspaces } from '@angular-devkit/core';
import { NodeJsSyncHost } from '@angular-devkit/core/node';

/** What a build produced: where, from which modules, and the initial bundle's size. */
export interface AngularBuild {
  /** The Angular workspace that was built (examples/angular, or its staged copy). */
  root: string;
  outDir: string;
  inputs: string[];
  initial: { files: string[]; bytes: number; gzipBytes: number };
}

export async function buildAngularExample(packageDir?: string): Promise<AngularBuild> {
  const root = packageDir ? stage(packageDir) : __dirname;
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
  // The modules that made it into the output (stats' own input list names tree-shaken ones too).
  const inputs = [...new Set(Object.values(stats.outputs).flatMap((o) => Object.keys(o.inputs)))];
  // pulse-rx/angular's entry, and the core's code from the package's dist/ (its index.mjs only
  // re-exports: with sideEffects false a bundler may go straight to the chunks it names).
  const dist = packageDir ? /^node_modules\/pulse-rx\/dist\// : /^\.\.\/\.\.\/dist\//;
  const fromDist = inputs.filter((i) => dist.test(i));
  const sources = inputs.filter((i) => !i.startsWith('src/') && !i.includes('node_modules/') && /(^|\/)src\//.test(i));
  if (!fromDist.some((i) => i.endsWith('dist/angular.mjs')) || !fromDist.some((i) => /dist\/(index|chunk-[^/]+)\.mjs$/.test(i)) || sources.length) {
    throw new Error(`pulse-rx must come from the package (dist/angular.mjs and the core's dist files), not src/: ${inputs.filter((i) => /pulse|dist\/|src\//.test(i)).join(', ')}`);
  }
  const nodeOnly = inputs.filter((i) => i.startsWith('node:') || /dist\/(emulator|node|testing|cli)/.test(i));
  if (nodeOnly.length) throw new Error(`the browser bundle would contain Node-only modules: ${nodeOnly.join(', ')}`);
  return { root, outDir, inputs, initial: initialFiles(outDir) };
}

/**
 * Copies the example to a folder outside the repository whose node_modules holds the
 * repository's dependencies (links) and `pulse-rx` from `packageDir`: one copy of rxjs for
 * the app and pulse-rx, as npm would hoist it (angular.json sets preserveSymlinks).
 */
function stage(packageDir: string): string {
  const root = join(tmpdir(), `pulse-rx-angular-example-${process.pid}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'node_modules'), { recursive: true });
  for (const file of ['angular.json', 'tsconfig.json', 'tsconfig.app.json', 'index.html', 'src']) cpSync(join(__dirname, file), join(root, file), { recursive: true });
  const deps = join(__dirname, '..', '..', 'node_modules');
  for (const name of readdirSync(deps)) if (name !== 'pulse-rx' && !name.startsWith('.')) symlinkSync(join(deps, name), join(root, 'node_modules', name), 'dir');
  symlinkSync(resolve(packageDir), join(root, 'node_modules', 'pulse-rx'), 'dir');
  return root;
}

/** The initial bundle as Angular counts it: the scripts and module preloads of index.html. */
function initialFiles(outDir: string): AngularBuild['initial'] {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const js = readdirSync(outDir).filter((f) => f.endsWith('.js'));
  const files = [...new Set([...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]!))].filter((f) => js.includes(f));
  const bytes = files.reduce((n, f) => n + statSync(join(outDir, f)).size, 0);
  const gzipBytes = files.reduce((n, f) => n + gzipSync(readFileSync(join(outDir, f)), { level: 9 }).length, 0);
  return { files, bytes, gzipBytes };
}

/**
 * Runs the build in a child Node process: Angular's builder loads ES modules with dynamic
 * `import()`, which a jest worker's VM does not allow. Resolves to the build's summary.
 */
export function buildAngularExampleInChild(packageDir?: string): Promise<AngularBuild> {
  const args = ['-r', join(__dirname, '..', 'register.cjs'), __filename, '--json', ...(packageDir ? ['--package', packageDir] : [])];
  return new Promise((done, fail) => {
    execFile(process.execPath, args, { cwd: join(__dirname, '..', '..'), maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return fail(new Error(`ng build failed: ${stderr || stdout || error.message}`));
      done(JSON.parse(stdout.trim().split('\n').pop()!) as AngularBuild);
    });
  });
}

if (require.main === module) {
  const at = process.argv.indexOf('--package');
  const json = process.argv.includes('--json');
  buildAngularExample(at > 0 ? resolve(process.argv[at + 1]!) : undefined).then(
    (b) =>
      console.log(
        json
          ? JSON.stringify(b)
          : `built ${b.outDir}: initial ${(b.initial.bytes / 1024).toFixed(1)} KiB (${(b.initial.gzipBytes / 1024).toFixed(1)} KiB gzip) in ${b.initial.files.join(', ')}, from ${b.inputs.length} modules`,
      ),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
