import type * as z from 'zod/mini';
import { PulseValidationError } from '../errors';
import { formatPath } from '../http/parseWith';
import { describe, ownProps } from '../http/checkOptions';
import { valueAt } from '../http/checkOptions';
import { closestKey } from '../schemas/optionsObject';
import { safeParse } from '../schemas/safeParse';

export { describe };

/** Checks a value against a request schema; the first problem becomes a `PulseValidationError`. */
export function checkShape<S extends z.ZodMiniType>(schema: S, value: unknown, root: string): z.output<S> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new PulseValidationError(root, 'must be an object', { value: describe(value) });
  }
  // Own properties only: a polluted Object.prototype (`fast`, `version`) is never read as a
  // field of the request, so it never reaches a body nor picks a mode.
  const parsed = safeParse(schema, ownProps(value));
  if (parsed.success) return isPlainObject(parsed.data) ? Object.assign(Object.create(null), parsed.data) : parsed.data;
  const issue = parsed.error.issues[0]!;
  const keys = (issue as { keys?: string[] }).keys;
  const path = issue.code === 'unrecognized_keys' && keys?.length ? [...issue.path, keys[0]!] : issue.path;
  const field = formatPath(path) || root;
  const problem = issue.code === 'unrecognized_keys' ? unknownFieldMessage(keys![0]!, knownKeysAt(schema, issue.path)) : issue.message;
  throw new PulseValidationError(field, problem, { value: describe(valueAt(value, path)) });
}

function isPlainObject(v: unknown): v is object {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}


/** Limits of a list of texts in one mode. */
export interface TextLimits {
  min: number;
  max: number;
  maxLength: number;
  /** Said in the message: `synchronous (fast: true)` or `asynchronous`. */
  mode: string;
}

/** Count, emptiness and length of every text; names the index of the first bad one. */
export function checkTexts(field: string, texts: readonly string[], limits: TextLimits): void {
  if (texts.length < limits.min) {
    throw new PulseValidationError(field, `needs at least ${limits.min} text${limits.min === 1 ? '' : 's'}`, {
      limit: limits.min,
      value: describe(texts),
    });
  }
  if (texts.length > limits.max) {
    throw new PulseValidationError(field, `takes at most ${limits.max} texts in ${limits.mode} mode`, {
      limit: limits.max,
      value: describe(texts),
    });
  }
  checkEachText(field, texts, limits.maxLength);
}

/**
 * Every text of a list (holes included) with `checkText`; the error names the index
 * (`inputs[12345]`). A valid text costs no allocation: the name is built on failure only.
 */
export function checkEachText(field: string, texts: ArrayLike<unknown>, maxLength: number): void {
  for (let i = 0; i < texts.length; i++) {
    if (!isValidText(texts[i], maxLength)) checkText(`${field}[${i}]`, texts[i], maxLength);
  }
}

const NON_BLANK = /\S/;

/** A non-blank string within `maxLength` (`\s` and `trim()` share one definition of blank). */
export function isValidText(text: unknown, maxLength: number): text is string {
  return typeof text === 'string' && text.length <= maxLength && NON_BLANK.test(text);
}

/** One text: a non-blank string within `maxLength`. */
export function checkText(field: string, text: unknown, maxLength: number): void {
  if (typeof text !== 'string') throw new PulseValidationError(field, 'must be a string', { value: describe(text) });
  if (text.trim() === '') throw new PulseValidationError(field, 'must not be empty', { value: describe(text) });
  if (text.length > maxLength) {
    throw new PulseValidationError(field, `is longer than ${maxLength} characters`, { limit: maxLength, value: describe(text) });
  }
}

/** An integer within `[lo, hi]` (when given). */
export function checkInt(field: string, value: number | undefined, lo: number, hi: number): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < lo || value > hi) {
    throw new PulseValidationError(field, `must be an integer from ${lo} to ${hi}`, { limit: `${lo}..${hi}`, value: describe(value) });
  }
}

/** Fails when a condition about the request does not hold. */
export function ensure(condition: boolean, field: string, problem: string, limit?: string | number): void {
  if (!condition) throw new PulseValidationError(field, problem, { limit });
}

/** `is not a known field`, with the closest known one when a typo is the likely cause. */
function unknownFieldMessage(key: string, known: readonly string[]): string {
  const suggestion = closestKey(key, known);
  return suggestion === undefined ? 'is not a known field' : `is not a known field; did you mean ${suggestion}?`;
}

/** The fields of the object schema at `path` inside `schema` (through optional, nullable, pipe and array), or none. */
function knownKeysAt(schema: z.ZodMiniType, path: readonly PropertyKey[]): string[] {
  let node: unknown = schema;
  for (let i = 0; i <= path.length; i++) {
    for (let unwrapped = 0; unwrapped < 8; unwrapped++) {
      const def = (node as { _zod?: { def?: { type?: string; innerType?: unknown; in?: unknown; element?: unknown } } })._zod?.def;
      if (def?.type === 'optional' || def?.type === 'nullable' || def?.type === 'default') node = def.innerType;
      else if (def?.type === 'pipe') node = def.in;
      else break;
    }
    const def = (node as { _zod?: { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown } } })._zod?.def;
    if (i === path.length) return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
    const step = path[i];
    if (def?.type === 'object' && def.shape && typeof step === 'string') node = def.shape[step];
    else if (def?.type === 'array' && typeof step === 'number') node = def.element;
    else return [];
  }
  return [];
}
