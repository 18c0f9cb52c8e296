import type * as z from 'zod/mini';
import { PulseValidationError } from '../errors';
import { checkOptions, describe, ownProps, valueAt } from '../http/checkOptions';
import { formatPath } from '../http/parseWith';
import { safeParse } from '../schemas/safeParse';

/**
 * Checks an options object of this entry against its (strict) schema, as the client checks
 * its own (`checkOptions`: a `PulseValidationError` naming the option path, e.g.
 * `rateLimit.requestsPerSecond`). A misspelt key is reported first, by its own path and with
 * the closest known key, since it is usually why a required option looks missing.
 * `undefined` is checked as `{}` (so a required option is still named).
 */
export function checkFleetOptions<T extends object>(schema: z.ZodMiniType, value: T | undefined, root = ''): T {
  const given = value ?? ({} as T);
  if (given !== null && typeof given === 'object' && !Array.isArray(given)) {
    const own = ownProps(given as Record<string, unknown>);
    const parsed = safeParse(schema, own);
    if (parsed.success) return own as T;
    const unknown = parsed.error.issues.find((i) => i.code === 'unrecognized_keys');
    if (unknown) {
      const key = unknown.keys[0]!;
      const path = [...unknown.path, key];
      const field = [root, formatPath(path)].filter(Boolean).join('.');
      const near = closest(key, knownKeys(schema, unknown.path));
      const problem = near ? `unknown option; did you mean ${near}?` : 'unknown option';
      throw new PulseValidationError(field, problem, { value: describe(valueAt(own, path)) });
    }
  }
  return checkOptions(schema, given, root);
}

type Def = { shape?: Record<string, z.ZodMiniType>; innerType?: z.ZodMiniType; in?: z.ZodMiniType };
const defOf = (schema: z.ZodMiniType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The keys of the object schema at `path` (through optionals and pipes). */
function knownKeys(schema: z.ZodMiniType, path: readonly PropertyKey[]): string[] {
  let cur: z.ZodMiniType | undefined = schema;
  for (let depth = 0; cur && depth <= path.length; ) {
    const def = defOf(cur);
    if (def.innerType || def.in) {
      cur = def.innerType ?? def.in;
    } else if (depth === path.length) {
      return Object.keys(def.shape ?? {});
    } else {
      cur = def.shape?.[String(path[depth++])];
    }
  }
  return [];
}

/** The known key nearest to `key` (case aside, at most a third of its letters apart, or one), if any. */
function closest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(key.length / 3)) + 1;
  for (const candidate of known) {
    const d = distance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/** Edit distance counting a swap of neighbours as one edit (optimal string alignment). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}
