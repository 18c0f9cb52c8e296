import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const stamp = join(root, 'dist', '.built');

function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), s.mtimeMs);
}

/**
 * The `package` tests run what npm installs: dist/. Rebuild it first when the source (or
 * the build's configuration) is newer than the last build, so `npm test` never tests a
 * stale package.
 */
export default function ensureBuilt(): void {
  const inputs = Math.max(newest(join(root, 'src')), newest(join(root, 'tsup.config.ts')), newest(join(root, 'package.json')));
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= inputs) return;
  try {
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'pipe', encoding: 'utf8' });
  } catch (e) {
    const { stdout, stderr } = e as { stdout: string; stderr: string };
    throw new Error(`npm run build failed:\n${stdout}\n${stderr}`);
  }
}
