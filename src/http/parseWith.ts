import type * as z from 'zod/mini';
import { ResponseValidationError } from '../errors';
import { safeParse } from '../schemas/safeParse';

/** Validates a response body; a mismatch becomes `ResponseValidationError` keeping the raw body. */
export function parseWith<S extends z.ZodMiniType>(schema: S, body: unknown, what: string): z.output<S> {
  const parsed = safeParse(schema, body);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 10).map((i) => ({ path: formatPath(i.path), message: i.message }));
  const summary = issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ');
  throw new ResponseValidationError(`unexpected ${what} response: ${summary}`, body, issues);
}

/** `['inputs', 3, 'text']` → `inputs[3].text` */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
}
