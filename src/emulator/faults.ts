import { prng } from './analysis/text';

/** What a fault does to the request it matches. */
export type FaultAction =
  /** The answer is sent `ms` after the request arrived (its computation included). */
  | { type: 'latency'; ms: number }
  | { type: 'status'; status: number; retryAfter?: number; body?: unknown }
  | { type: 'reset' }
  | { type: 'close-mid-body' }
  | { type: 'hang' }
  | { type: 'malformed' }
  | { type: 'job-failure'; detail?: string }
  | { type: 'job-stuck' }
  | { type: 'expired-link' }
  | { type: 'token-failure'; status?: number };

/**
 * A fault rule: the first rule matching a request and triggering wins. `path` is a prefix
 * of the path under `/v1` (or `/oauth/token`, `/results`), or a regular expression when it
 * starts with `^`. `times` counts triggers ("503 twice, then succeed"); `probability`
 * draws from the emulator's seeded generator.
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
  private rules: Array<FaultRule & { left: number }> = [];
  private random: () => number;

  constructor(private readonly seed: number, rules: FaultRule[] = []) {
    this.random = prng(seed ^ 0xfa017);
    this.set(rules);
  }

  /** Replaces every rule. */
  set(rules: FaultRule[]): void {
    this.rules = [];
    rules.forEach((r) => this.add(r));
  }

  /** Appends a rule (checked: it needs an action with a type). */
  add(rule: FaultRule): void {
    if (!rule || typeof rule !== 'object' || !rule.action || typeof rule.action.type !== 'string') {
      throw new TypeError('a fault rule needs an action with a type');
    }
    this.rules.push({ ...rule, left: rule.times ?? Infinity });
  }

  /** Removes every rule and restarts the seeded draws. */
  clear(): void {
    this.set([]);
    this.random = prng(this.seed ^ 0xfa017);
  }

  /** The rules with their remaining trigger counts. */
  list(): FaultRule[] {
    return this.rules.map(({ left, ...r }) => ({ ...r, times: Number.isFinite(left) ? left : undefined }));
  }

  /** The action for a request, consuming one trigger of the rule that fires. */
  match(method: string, path: string, types?: FaultAction['type'][]): FaultAction | undefined {
    for (const rule of this.rules) {
      if (rule.left <= 0) continue;
      if (rule.method && rule.method.toUpperCase() !== method) continue;
      if (rule.path && !(rule.path.startsWith('^') ? new RegExp(rule.path).test(path) : path.startsWith(rule.path))) continue;
      if (types && !types.includes(rule.action.type)) continue;
      if (rule.probability !== undefined && this.random() >= rule.probability) continue;
      rule.left--;
      return rule.action;
    }
    return undefined;
  }
}

/** Parses fault rules given as JSON (CLI flag or environment variable). */
export function parseFaults(json: string | undefined): FaultRule[] {
  if (!json) return [];
  const parsed = JSON.parse(json) as unknown;
  if (!Array.isArray(parsed)) throw new TypeError('faults must be a JSON array of rules');
  return parsed as FaultRule[];
}
