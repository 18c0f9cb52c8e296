import type * as z from 'zod/mini';
import { PulseValidationError } from '../errors';
import { formatPath } from './parseWith';
import { safeParse } from '../schemas/safeParse';

/** A short, secret-free description of a value, for error messages. */
export function describe(value: unknown): string {
  if (Array.isArray(value)) return `array of ${value.length} items`;
  if (typeof value === 'string') return `string of ${value.length} chars`;
  if (typeof value === 'number') return Number.isFinite(value) ? `number ${value}` : String(value);
  if (value === null) return 'null';
  return typeof value;
}

const isPlain = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * A null-prototype copy of a plain object made of its own enumerable properties, nested
 * plain objects and arrays included (instances such as schedulers or signals are kept as they are): what a
 * polluted `Object.prototype` adds is never read as an option or sent in a body.
 */
export function ownProps<T>(value: T, depth = 0): T {
  if (depth > 8) return value;
  if (Array.isArray(value)) {
    // Arrays of texts are large: copy only when an element is itself a plain object.
    return (value.some(isPlain) ? value.map((v) => ownProps(v, depth + 1)) : value) as T;
  }
  if (!isPlain(value)) return value;
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value)) out[key] = ownProps(value[key], depth + 1);
  return out as T;
}

/**
 * Checks an options object against its schema and returns its own-property copy; the first
 * problem becomes a `PulseValidationError` naming the option path (`poll.maxWaitMs`,
 * `options.timeoutMs`). `undefined` stands for "no options" and gives `{}`.
 *
 * @example
 * const options = checkOptions(CallOptionsSchema, userOptions, 'options');
 */
export function checkOptions<T extends object>(schema: z.ZodMiniType, value: T | undefined, root: string): T {
  if (value === undefined) return {} as T;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new PulseValidationError(root || 'options', 'must be an object', { value: describe(value) });
  }
  const own = ownProps(value as Record<string, unknown>);
  const parsed = safeParse(schema, own);
  if (parsed.success) return own as T;
  const issue = parsed.error.issues[0]!;
  const path = formatPath(issue.path);
  const field = root && path ? `${root}.${path}` : root || path || 'options';
  throw new PulseValidationError(field, issue.message, { value: describe(valueAt(own, issue.path)) });
}

/** The value at a zod issue's path, through own properties only (undefined when absent). */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, key)) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}
