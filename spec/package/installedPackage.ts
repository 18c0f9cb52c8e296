import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const versionOf = (name: string) => (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * Packs the package (`npm pack`, exactly what `npm publish` would upload) and installs the
 * tarball with its dependencies into a throwaway project outside the repository, as a user
 * would. Consumers live in sub-folders of that project. The install is shared by every test
 * file of a run (keyed by the tarball's hash; a lock folder makes concurrent workers wait
 * for the one installing).
 */
export function installedPackage(): { dir: string; tarball: string } {
  const packDir = join(tmpdir(), `pulse-rx-pack-${process.pid}-${Date.now()}`);
  mkdirSync(packDir, { recursive: true });
  const name = execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', packDir], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop()!;
  const packed = join(packDir, name);
  // Keyed by what runs (dist/ and package.json), not README.md: editing the README reuses the install.
  // The optional peers too, as a user of the emulator, pulse-rx/node, the CLI, pulse-rx/bullmq
  // and pulse-rx/angular installs them (README: Install; the README's fleet section runs; the
  // TypeScript consumer type-checks an Angular app's use of pulse-rx/angular; the emulator's language engine).
  const optional = ['ajv', 'yaml', 'csv-parse', 'cli-progress', 'bullmq', 'ioredis', '@angular/core', '@angular/common', 'wink-nlp', 'wink-eng-lite-web-model'];
  const deps = ['rxjs', 'typescript', '@types/node', ...optional].map((name) => `${name}@${versionOf(name)}`);
  const hash = createHash('sha256')
    .update(readFileSync(join(root, 'package.json')))
    .update(readFileSync(join(root, 'dist', '.built')))
    .update(deps.join(' '))
    .digest('hex')
    .slice(0, 16);
  const dir = join(tmpdir(), `pulse-rx-consumers-${hash}`);
  const tarball = join(dir, 'pulse-rx.tgz');
  const done = join(dir, '.installed');
  const lock = `${dir}.lock`;
  while (!existsSync(done)) {
    try {
      mkdirSync(lock);
    } catch {
      execFileSync('sleep', ['0.5']); // another worker is installing
      continue;
    }
    try {
      if (existsSync(done)) break;
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      writeFileSync(tarball, readFileSync(packed));
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'pulse-rx-consumers', private: true }, null, 2));
      execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball, ...deps], { cwd: dir, stdio: 'pipe' });
      writeFileSync(done, '');
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  rmSync(packDir, { recursive: true, force: true });
  return { dir, tarball };
}
