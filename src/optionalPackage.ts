import { createRequire } from 'node:module';
import { MissingPackageError } from './errors';

/** Loads a module by name, as `require` does. */
export type ModuleLoader = (specifier: string) => unknown;

/**
 * Node's `require`, resolving from this file, so from pulse-rx's own install (the ES module
 * build reads `__filename` as `import.meta.url`: tsup.config.ts).
 */
const nodeRequire: ModuleLoader = (specifier) => createRequire(__filename)(specifier);

/** The package of a specifier: `ajv/dist/2020.js` -> `ajv`, `@scope/name/x` -> `@scope/name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Whether `e` says that `pkg` itself (not one of its own dependencies) cannot be found. */
function isMissing(e: unknown, pkg: string): boolean {
  const { code, message } = (e ?? {}) as { code?: unknown; message?: unknown };
  if (code !== 'MODULE_NOT_FOUND' && code !== 'ERR_MODULE_NOT_FOUND') return false;
  return typeof message === 'string' && new RegExp(`['"]${pkg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(/[^'"]*)?['"]`).test(message);
}

/**
 * Loads an optional peer dependency when it is first needed (never at import time), so that
 * what does not use it works without it; when it is not installed, a `MissingPackageError`
 * names the package to install and what needs it.
 *
 * @example
 * const { parse } = requireOptional<typeof import('yaml')>('yaml', 'loadWorkflowFile (pulse-rx/node)');
 */
export function requireOptional<T>(specifier: string, usedBy: string, load: ModuleLoader = nodeRequire): T {
  try {
    return load(specifier) as T;
  } catch (e) {
    const pkg = packageOf(specifier);
    if (isMissing(e, pkg)) throw new MissingPackageError(pkg, usedBy);
    throw e;
  }
}
