/**
 * The `package` tests run what npm installs: dist/. Rebuild it first (declarations
 * included) when the source or the build's configuration is newer than the last build, so
 * `npm test` never tests a stale package.
 */
export default function ensureBuilt(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildIfStale } = require('../../examples/support/buildIfStale.cjs') as { buildIfStale: () => boolean };
  buildIfStale();
}
