import { PulseValidationError } from '../errors';
import type { FaultAction, FaultRule } from './faults';
import { compilePathPattern, MAX_PATTERN_LENGTH } from './pathPattern';

/** The fields each action type takes besides `type`. */
const ACTION_FIELDS: Record<FaultAction['type'], readonly string[]> = {
  latency: ['ms'],
  status: ['status', 'retryAfter', 'body'],
  reset: ['processed'],
  'close-mid-body': [],
  hang: [],
  malformed: [],
  'job-failure': ['detail'],
  'job-stuck': [],
  'expired-link': [],
  'token-failure': ['status'],
};
const RULE_FIELDS = ['method', 'path', 'action', 'times', 'probability'];
/** Longest latency: an hour (timers past 2^31 ms would fire at once). */
const MAX_LATENCY_MS = 3_600_000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, min: number, max: number): v is number => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const isNumber = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && v >= min && v <= max;

/**
 * Checks a fault rule, field by field, and returns a copy safe to keep (its JSON body
 * copied); throws a `PulseValidationError` naming the field (`<at>.action.status`).
 * Paths are globs (see `compilePathPattern`), never regular expressions.
 *
 * @example
 * checkFaultRule({ path: '/sentiment', action: { type: 'status', status: 503 }, times: 2 }, 'faults[0]');
 */
export function checkFaultRule(rule: unknown, at: string): FaultRule {
  const fail = (field: string, problem: string, limit?: string | number): never => {
    throw new PulseValidationError(field ? `${at}.${field}` : at, problem, { limit });
  };
  if (!isRecord(rule)) return fail('', 'must be a fault rule object');
  for (const key of Object.keys(rule)) if (!RULE_FIELDS.includes(key)) fail(key, `is not a field of a fault rule (${RULE_FIELDS.join(', ')})`);
  const { method, path, times, probability } = rule;
  if (method !== undefined && (typeof method !== 'string' || !/^[A-Za-z]{1,16}$/.test(method))) fail('method', 'must be an HTTP method name');
  if (path !== undefined) checkPath(path, (problem, limit) => fail('path', problem, limit));
  if (times !== undefined && !isInt(times, 0, Number.MAX_SAFE_INTEGER)) fail('times', 'must be a whole number of triggers, 0 or more');
  if (probability !== undefined && !isNumber(probability, 0, 1)) fail('probability', 'must be a number from 0 to 1', '0..1');
  return { ...(rule as unknown as FaultRule), action: checkAction(rule.action, (field, problem, limit) => fail(`action${field}`, problem, limit)) };
}

function checkPath(path: unknown, fail: (problem: string, limit?: number) => never): void {
  if (typeof path !== 'string') fail('must be a string');
  const p = path as string;
  if (p.startsWith('^')) fail('regular expressions are not accepted (one could hang the emulator): use a glob, e.g. /{sentiment,jobs}/**');
  if (!p.startsWith('/')) fail('must start with "/" (a path under /v1, or /oauth/token, /results)');
  if (p.length > MAX_PATTERN_LENGTH) fail(`must be at most ${MAX_PATTERN_LENGTH} characters`, MAX_PATTERN_LENGTH);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(p)) fail('must not contain control characters');
  try {
    compilePathPattern(p);
  } catch (e) {
    fail((e as Error).message);
  }
}

function checkAction(action: unknown, fail: (field: string, problem: string, limit?: string | number) => never): FaultAction {
  if (!isRecord(action)) return fail('', 'must be an object with a type');
  const type = action.type as FaultAction['type'];
  if (typeof type !== 'string' || !Object.hasOwn(ACTION_FIELDS, type)) return fail('.type', `must be one of ${Object.keys(ACTION_FIELDS).join(', ')}`);
  for (const key of Object.keys(action)) {
    if (key !== 'type' && !ACTION_FIELDS[type].includes(key)) fail(`.${key}`, `is not a field of a "${type}" action`);
  }
  const copy: Record<string, unknown> = { ...action };
  if (type === 'latency' && !isNumber(action.ms, 0, MAX_LATENCY_MS)) fail('.ms', `must be a number of milliseconds from 0 to ${MAX_LATENCY_MS}`, `0..${MAX_LATENCY_MS}`);
  if (type === 'status' && !isInt(action.status, 200, 599)) fail('.status', 'must be a whole HTTP status from 200 to 599', '200..599');
  if (type === 'token-failure' && action.status !== undefined && !isInt(action.status, 400, 599)) fail('.status', 'must be a whole HTTP error status from 400 to 599', '400..599');
  if (action.processed !== undefined && typeof action.processed !== 'boolean') fail('.processed', 'must be true or false');
  if (action.retryAfter !== undefined && !isNumber(action.retryAfter, 0, 86_400)) fail('.retryAfter', 'must be a number of seconds from 0 to 86400', '0..86400');
  if (action.detail !== undefined && (typeof action.detail !== 'string' || action.detail.length > 2000)) fail('.detail', 'must be a string of at most 2000 characters', 2000);
  if (action.body !== undefined) {
    let json: string | undefined;
    try {
      json = JSON.stringify(action.body);
    } catch {
      json = undefined;
    }
    if (json === undefined) fail('.body', 'must be JSON (no cycles, BigInt or functions)');
    copy.body = JSON.parse(json!) as unknown;
  }
  return copy as FaultAction;
}
