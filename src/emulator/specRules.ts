import type { ApiReply } from './api';
import type { ValidationIssue } from './validator';

type Body = Record<string, unknown>;
type Rule = (body: Body) => ApiReply | undefined;
type Detail = { message: string; location: 'body'; field: string; path?: ValidationIssue['path'] };

/** A 400 as the spec's examples write it; `field` and `detail` make its one `errors[]` entry. */
function refusal(message: string, field?: string, detail?: string, code = 'validation_error'): ApiReply {
  const errors: Detail[] | undefined =
    detail === undefined
      ? undefined
      : [field ? { message: detail, path: field.split('.'), field, location: 'body' } : { message: detail, location: 'body', field: '' }];
  return { status: 400, body: { code, message, ...(errors ? { errors } : {}) } };
}

const isArray = Array.isArray;
const count = (v: unknown) => (isArray(v) ? v.length : -1);

/** A provider spec that is not `{ type, auth }` (or, for `provider.endpoint`, whose endpoint is no URL). */
const providerRule = (message: string, detail: string, field = 'provider'): Rule => (b) => {
  const p = b.provider as Body | null | undefined;
  if (p === undefined) return undefined;
  const bad = p === null || typeof p !== 'object' || typeof p.type !== 'string' || typeof p.auth !== 'object';
  const badEndpoint = !bad && p.endpoint !== undefined && !/^https?:\/\/\S+$/.test(String(p.endpoint));
  return (field === 'provider.endpoint' ? badEndpoint : bad) ? refusal(message, field, detail) : undefined;
};

const MISSING_SETS = "either 'set' or both 'set_a' and 'set_b' must be provided";
const FAST_DD = 'Data dictionary generation only supports asynchronous mode (fast=false)';

/**
 * The spec's documented 400s (its error examples, with their wording) and the rules its
 * prose states ("must", "only", "at most"), checked before the JSON Schema so that the
 * documented answer wins over a generic one. One list per endpoint, first match answers.
 */
const RULES: Record<string, Rule[]> = {
  '/embeddings': [
    (b) => (b.fast === true && count(b.inputs) > 200
      ? refusal('inputs must be an array of up to 200 strings', 'inputs', 'Too many items')
      : undefined),
    providerRule('provider spec is invalid', 'Invalid provider'),
  ],
  '/similarity': [
    (b) => (b.set === undefined && (b.set_a === undefined || b.set_b === undefined)
      ? refusal(MISSING_SETS, undefined, 'Missing required fields')
      : undefined),
    providerRule('provider is unsupported', 'Unsupported provider'),
  ],
  '/themes': [
    (b) => {
      const n = count(b.inputs);
      if (n >= 2 && n <= 500) return undefined;
      return refusal('inputs must be an array of 2 to 500 strings', 'inputs', n > 500 ? 'Too many items' : 'Too few items');
    },
  ],
  '/sentiment': [
    (b) => (count(b.inputs) >= 1 && count(b.inputs) <= 5000 ? undefined : refusal('inputs must be an array of 1 to 5000 strings')),
    providerRule('provider endpoint is invalid', 'Invalid endpoint', 'provider.endpoint'),
  ],
  '/extractions': [
    // "When `type` is `themes`, `expand_dictionary` must be false."
    (b) => (b.type === 'themes' && b.expand_dictionary === true
      ? refusal('expand_dictionary must be false when type is themes', 'expand_dictionary', 'Must be false when type is themes')
      : undefined),
  ],
  '/data-dictionary': [
    (b) => (b.fast === true ? refusal(FAST_DD, 'fast', 'Fast mode not supported', 'invalid_request') : undefined),
    (b) => (isArray(b.data) && b.data.length === 0 ? refusal('Data array cannot be empty', 'data', 'Data array cannot be empty') : undefined),
    (b) => {
      if (!isArray(b.data) || !b.data.every(isArray)) return undefined;
      const rows = b.data as unknown[][];
      if (rows.some((r) => r.length !== rows[0]!.length)) {
        return refusal('All rows must have the same number of columns', 'data', 'Inconsistent row lengths');
      }
      const cells = rows.length * (rows[0]?.length ?? 0);
      return cells > 100_000 ? refusal('Data cannot exceed 100,000 total cells', 'data', 'Too many cells') : undefined;
    },
  ],
  '/usage/estimate': [(b) => (b.feature === undefined ? refusal('feature is required', 'feature', 'Required') : undefined)],
};

/** Messages the spec documents for any other invalid request of an endpoint. */
const GENERIC: Record<string, string> = { '/extractions': 'invalid extraction request' };

/**
 * The documented answer to a request body the spec refuses in prose or in its error
 * examples, else undefined (the JSON Schema check comes next).
 *
 * @example
 * specRules('/data-dictionary', { data: [['a', 'b'], ['c']] }); // 400 "All rows must have the same number of columns"
 */
export function specRules(path: string, body: unknown): ApiReply | undefined {
  if (body === null || typeof body !== 'object' || isArray(body)) return undefined;
  for (const rule of RULES[path] ?? []) {
    const answer = rule(body as Body);
    if (answer) return answer;
  }
  return undefined;
}

/** The spec's wording for a schema failure of `path`, when it documents one. */
export function documentedMessage(path: string): string | undefined {
  return GENERIC[path];
}
