import * as z from 'zod/mini';

/**
 * Option objects are strict: a key the library does not know (`maxRetires`, `poll.maxWaitMS`)
 * is a mistake that would otherwise be silently ignored, so it fails before any request, naming
 * the option path and the closest known name. Server answers stay tolerant (`z.looseObject`);
 * only what a caller writes goes through here.
 */

/** Edit distance with adjacent transpositions (`maxRetires` is one step from `maxRetries`). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The known key closest to `key` (case-insensitive), when it is close enough to be the one
 * meant: 2 edits from 5 characters on, 1 from 3, none below (only the case may differ:
 * any one-letter name is one edit from any other); `undefined` otherwise.
 *
 * @example
 * closestKey('maxRetires', ['maxRetries', 'timeoutMs']); // 'maxRetries'
 * closestKey('baseURL', ['baseUrl']); // 'baseUrl'
 */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase());
    const shorter = Math.min(lower.length, candidate.length);
    const allowed = shorter >= 5 ? 2 : shorter >= 3 ? 1 : 0;
    if (distance <= allowed && distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

/** The message for an unknown option: `unknown option; did you mean maxWaitMs?`. */
export function unknownOptionMessage(key: string, known: readonly string[]): string {
  const suggestion = closestKey(key, known);
  return suggestion === undefined ? 'unknown option' : `unknown option; did you mean ${suggestion}?`;
}

/**
 * An option object's schema: first every own key must be known (else an issue at its own
 * path, `poll.maxWaitMS`, saying it is unknown: a typo is the likely cause of any other
 * problem, such as a required option missing), then each known key by its rule. Combine
 * option objects by spreading their `shape`s into a new `optionsObject`.
 *
 * @example
 * const PollPolicySchema = optionsObject({ maxWaitMs: z.optional(optionRules.positiveMsOrInfinity) });
 * const WithPoll = optionsObject({ ...PollPolicySchema.shape, strategy: z.optional(z.unknown()) });
 */
export function optionsObject<S extends z.core.$ZodLooseShape>(shape: S) {
  const known = Object.keys(shape);
  return Object.assign(z.pipe(knownKeys(() => known), z.looseObject(shape)), { shape });
}

/**
 * The first half of `optionsObject`, for objects whose known keys depend on the value (a
 * pipeline step's keys on its `type`): an issue at each own key not in `known(value)`, with
 * the closest known name. `known` gives `undefined` when it cannot tell; the next schema
 * names the problem then. Pipe it into the schema of the values.
 *
 * @example
 * const StepSchema = z.pipe(knownKeys((step) => KEYS_BY_TYPE[(step as { type: string }).type]), StepUnionSchema);
 */
export function knownKeys(known: (value: object) => readonly string[] | undefined) {
  // `z.unknown()` hands the value itself to the next schema (an object schema would hand on a copy
  // with `Object.prototype`, through which a polluted prototype would be read as options).
  return z.unknown().check(
    z.superRefine((value, ctx) => {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return; // the next schema says so
      const keys = known(value);
      if (keys === undefined) return;
      for (const key of Object.keys(value)) {
        if (keys.includes(key)) continue;
        ctx.addIssue({ code: 'custom', message: unknownOptionMessage(key, keys), path: [key], input: (value as Record<string, unknown>)[key] });
      }
    }),
  );
}

/** Keys an option object allows whose values are checked elsewhere (by a process, by the caller). */
export function checkedElsewhere<K extends string>(...keys: K[]): Record<K, z.ZodMiniOptional<z.ZodMiniUnknown>> {
  return Object.fromEntries(keys.map((k) => [k, z.optional(z.unknown())])) as Record<K, z.ZodMiniOptional<z.ZodMiniUnknown>>;
}
