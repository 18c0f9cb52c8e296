// Builds dist/ only when src/ (or the build's configuration) is newer than the last build,
// so `npm start` after `npm ci` (which builds through `prepare`) starts at once.
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

/** Whether dist/ is older than what it is built from. */
function isStale() {
  const inputs = Math.max(...['src', 'tsup.config.ts', 'package.json'].map((p) => newest(join(root, p))));
  return !existsSync(stamp) || statSync(stamp).mtimeMs < inputs;
}

/** Rebuilds when stale; `jsOnly` skips the declarations (a full build writes the stamp). */
function buildIfStale({ jsOnly = false } = {}) {
  if (!isStale()) return false;
  const env = { ...process.env, ...(jsOnly ? { PULSE_BUILD_JS_ONLY: '1' } : {}) };
  const args = jsOnly ? ['exec', '--', 'tsup', '--silent'] : ['run', 'build', '--silent'];
  execFileSync('npm', args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env });
  return true;
}

module.exports = { buildIfStale, isStale };

if (require.main === module) buildIfStale({ jsOnly: process.argv.includes('--js-only') });
