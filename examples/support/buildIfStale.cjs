// Builds dist/ only when src/ (or the build's configuration) is newer than the last full
// build. `npm start`, `npm run pulse` and `npm run emulator` build just the JavaScript they run (seconds);
// `npm run typecheck`, the package tests and `npm pack` (prepack) build the declarations too.
// Usage: node examples/support/buildIfStale.cjs [--js-only]
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const stamp = join(root, 'dist', '.built');

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), s.mtimeMs);
}

const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : Number.NEGATIVE_INFINITY);

/**
 * Whether dist/ is older than what it is built from: the last full build (the stamp), or
 * for running only, the last build of any kind.
 */
function isStale({ jsOnly = false } = {}) {
  const inputs = Math.max(...['src', 'tsup.config.ts', 'package.json'].map((p) => newest(join(root, p))));
  const built = jsOnly ? Math.max(mtime(stamp), mtime(join(root, 'dist', 'index.js'))) : mtime(stamp);
  return built < inputs;
}

/** Rebuilds when stale; `jsOnly` skips the declarations (a full build writes the stamp). */
function buildIfStale({ jsOnly = false } = {}) {
  if (!isStale({ jsOnly })) return false;
  const env = { ...process.env, ...(jsOnly ? { PULSE_BUILD_JS_ONLY: '1' } : {}) };
  const args = jsOnly ? ['exec', '--', 'tsup', '--silent'] : ['run', 'build', '--silent'];
  execFileSync('npm', args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env });
  return true;
}

module.exports = { buildIfStale, isStale };

if (require.main === module) buildIfStale({ jsOnly: process.argv.includes('--js-only') });
