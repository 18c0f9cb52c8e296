import { prng } from './analysis/text';
import { checkFaultRule } from './checkFaultRule';
import { compilePathPattern } from './pathPattern';
import { PulseValidationError } from '../errors';

/** Most rules at once: each is tried against every request. */
const MAX_RULES = 100;

/** What a fault does to the request it matches. */
export type FaultAction =
  /** The answer is sent `ms` after the request arrived (its computation included). */
  | { type: 'latency'; ms: number }
  | { type: 'status'; status: number; retryAfter?: number; body?: unknown }
  /**
   * The connection is reset without an answer. `processed: true` handles the request first
   * (a job created, credits charged), as a break between the service's acceptance and the
   * client's reading of the answer would: what a resend under the same `Idempotency-Key` meets.
   */
  | { type: 'reset'; processed?: boolean }
  | { type: 'close-mid-body' }
  | { type: 'hang' }
  | { type: 'malformed' }
  | { type: 'job-failure'; detail?: string }
  | { type: 'job-stuck' }
  | { type: 'expired-link' }
  | { type: 'token-failure'; status?: number };

/**
 * A fault rule: the first rule matching a request and triggering wins. `path` matches the
 * start of the path under `/v1` (or `/oauth/token`, `/results/...`); it may be a glob:
 * `*` for any characters but `/`, `**` for any characters, `{a,b}` for either word
 * (`/{sentiment,jobs}`). Regular expressions are refused: one could hang the emulator.
 * `times` counts triggers ("503 twice, then succeed"); `probability` draws from the
 * emulator's seeded generator. Rules are checked when set (`PulseValidationError`).
 */
export interface FaultRule {
  method?: string;
  path?: string;
  action: FaultAction;
  times?: number;
  probability?: number;
}

/** Ordered fault rules with their remaining trigger counts. */
export class FaultInjector {
  private rules: Array<{ rule: FaultRule; left: number; matches: (path: string) => boolean }> = [];
  private random: () => number;

  constructor(private readonly seed: number, rules: FaultRule[] = []) {
    this.random = prng(seed ^ 0xfa017);
    this.set(rules);
  }

  /** Replaces every rule; all are checked first, so a bad one changes nothing. */
  set(rules: FaultRule[]): void {
    this.rules = checkFaultRules(rules, 'faults').map(compiled);
  }

  /** Appends a rule, checked first (a `PulseValidationError` names the bad field). */
  add(rule: FaultRule): void {
    if (this.rules.length >= MAX_RULES) throw new PulseValidationError('rule', `makes more than ${MAX_RULES} rules`, { limit: MAX_RULES });
    this.rules.push(compiled(checkFaultRule(rule, 'rule')));
  }

  /** Removes every rule and restarts the seeded draws. */
  clear(): void {
    this.set([]);
    this.random = prng(this.seed ^ 0xfa017);
  }

  /** The rules with their remaining trigger counts. */
  list(): FaultRule[] {
    return this.rules.map(({ rule, left }) => ({ ...rule, times: Number.isFinite(left) ? left : undefined }));
  }

  /** The action for a request, consuming one trigger of the rule that fires. */
  match(method: string, path: string, types?: FaultAction['type'][]): FaultAction | undefined {
    for (const entry of this.rules) {
      const { rule } = entry;
      if (entry.left <= 0) continue;
      if (rule.method && rule.method.toUpperCase() !== method) continue;
      if (!entry.matches(path)) continue;
      if (types && !types.includes(rule.action.type)) continue;
      if (rule.probability !== undefined && this.random() >= rule.probability) continue;
      entry.left--;
      return rule.action;
    }
    return undefined;
  }
}

/**
 * Parses and checks fault rules given as JSON (CLI flag, environment variable, admin
 * route): a `SyntaxError` for bad JSON, a `PulseValidationError` naming the bad field.
 *
 * @example
 * parseFaults('[{"path":"/sentiment","action":{"type":"status","status":503},"times":2}]');
 */
export function parseFaults(json: string | undefined): FaultRule[] {
  if (!json) return [];
  return checkFaultRules(JSON.parse(json) as unknown, 'faults');
}

function checkFaultRules(rules: unknown, at: string): FaultRule[] {
  if (!Array.isArray(rules)) throw new PulseValidationError(at, 'must be an array of fault rules');
  if (rules.length > MAX_RULES) throw new PulseValidationError(at, `must hold at most ${MAX_RULES} rules`, { limit: MAX_RULES });
  return rules.map((r, i) => checkFaultRule(r, `${at}[${i}]`));
}

function compiled(rule: FaultRule) {
  return { rule, left: rule.times ?? Infinity, matches: rule.path ? compilePathPattern(rule.path) : () => true };
}
