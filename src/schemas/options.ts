import * as z from 'zod/mini';
import { checkedElsewhere, optionsObject } from './optionsObject';

/**
 * zod schemas of the option objects (client, call, policies, operators, starters, runs):
 * one per options type, checked with the same rigour as request bodies before anything is
 * sent (the token providers' are in `authOptions.ts`). Each rule carries its own message; the
 * path of the first failure names the option.
 * Option objects are strict (`optionsObject`): an unknown key fails, with the closest name.
 * An object that combines several takes their `shape`s spread into a new `optionsObject`.
 */

/** A number that passes `ok`, else `rule` (NaN and strings fail every rule). */
const num = (rule: string, ok: (n: number) => boolean) =>
  z.custom<number>((v) => typeof v === 'number' && ok(v), { error: rule });
const finite = Number.isFinite;
/** The longest delay timers can hold (2^31 - 1 ms). */
const MAX_TIMER = 2_147_483_647;

/** Options in ms that are waits; `Infinity` is allowed where "never" makes sense. */
export const optionRules = {
  positiveMs: num('must be a positive, finite number of ms', (n) => n > 0 && finite(n)),
  positiveMsOrInfinity: num('must be a positive number of ms (or Infinity)', (n) => n > 0),
  delayMs: num(`must be a number of ms from 0 to ${MAX_TIMER}`, (n) => n >= 0 && n <= MAX_TIMER),
  intervalMs: num(`must be a number of ms from 1 to ${MAX_TIMER}`, (n) => n >= 1 && n <= MAX_TIMER),
  fraction: num('must be a number from 0 to 1', (n) => n >= 0 && n <= 1),
  positiveInt: num('must be a positive integer', (n) => Number.isInteger(n) && n >= 1),
  positiveNumber: num('must be a positive, finite number', (n) => n > 0 && finite(n)),
  int: (lo: number, hi: number) =>
    num(`must be an integer from ${lo} to ${hi}`, (n) => Number.isInteger(n) && n >= lo && n <= hi),
  fn: z.custom<(...args: unknown[]) => unknown>((v) => typeof v === 'function', { error: 'must be a function' }),
  /** An object with the named methods (a scheduler, a logger, an auth provider). */
  withMethods: (what: string, ...methods: string[]) =>
    z.custom<object>(
      (v) =>
        v !== null &&
        (typeof v === 'object' || typeof v === 'function') &&
        methods.every((m) => typeof (v as Record<string, unknown>)[m] === 'function'),
      { error: `must be ${what} (an object with ${methods.join(', ')})` },
    ),
  boolean: z.boolean({ error: 'must be a boolean' }),
  string: z.string({ error: 'must be a string' }),
  nonEmptyString: z
    .string({ error: 'must be a string' })
    .check(z.refine((s) => s.trim() !== '', { error: 'must not be empty' })),
};
const r = optionRules;

/** An `AbortSignal` (or anything with `aborted` and event listeners, as in other realms). */
export const AbortSignalSchema = z.custom<AbortSignal>(
  (v) =>
    v !== null &&
    typeof v === 'object' &&
    typeof (v as AbortSignal).aborted === 'boolean' &&
    typeof (v as AbortSignal).addEventListener === 'function' &&
    typeof (v as AbortSignal).removeEventListener === 'function',
  { error: 'must be an AbortSignal' },
);

/** A scheduler: `now()` and `schedule()`. */
export const SchedulerSchema = r.withMethods('an RxJS scheduler', 'now', 'schedule');

/** `Partial<RetryConfig>`. */
export const RetryConfigSchema = optionsObject({
  maxRetries: z.optional(r.int(0, 10)),
  initialDelayMs: z.optional(r.delayMs),
  maxDelayMs: z.optional(r.delayMs),
  jitter: z.optional(r.fraction),
  maxRetryAfterMs: z.optional(r.delayMs),
});

/** `Partial<PollPolicy>`; the interval order is checked once the defaults are filled in. */
export const PollPolicySchema = optionsObject({
  minIntervalMs: z.optional(r.intervalMs),
  denseIntervalMs: z.optional(r.intervalMs),
  maxIntervalMs: z.optional(r.intervalMs),
  multiplier: z.optional(num('must be a finite number, 1 or more', (n) => n >= 1 && finite(n))),
  jitter: z.optional(r.fraction),
  maxWaitMs: z.optional(r.positiveMsOrInfinity),
  notFoundGraceMs: z.optional(r.int(0, 60_000)),
  // A name or an `adaptive()` instance, checked by `resolvePollPolicy`.
  ...checkedElsewhere('strategy'),
});

/**
 * Whether `x` has an adaptive poll policy's methods (duck-typed, so that one from another copy
 * of the library counts too): the one test of `poll.strategy` and of this mistake.
 */
export function hasAdaptivePollMethods(x: unknown): boolean {
  const o = x as { delayMs?: unknown; observe?: unknown } | null;
  return typeof o === 'object' && o !== null && typeof o.delayMs === 'function' && typeof o.observe === 'function';
}

/**
 * The `poll` option: a policy's options. An `adaptive()` instance given there (not as its
 * `strategy`) is named as the mistake it is, before its private fields read as unknown options.
 */
export const PollOptionSchema = z.pipe(
  z.unknown().check(
    z.refine((v) => !hasAdaptivePollMethods(v), {
      error: 'is an adaptive() policy; pass it as poll: { strategy: adaptive(...) }',
    }),
  ),
  PollPolicySchema,
);

/** Visible ASCII, no leading or trailing space: safe as an HTTP header value. */
const HEADER_SAFE = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

/** An HTTP header name (RFC 9110 token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** A plain object (not an array, a Map or null) whose values pass `value`. */
const plainRecord = <V extends z.ZodMiniType>(value: V, error: string) =>
  z.pipe(
    z.custom<Record<string, unknown>>((v) => v !== null && typeof v === 'object' && !Array.isArray(v), { error }),
    z.record(z.string(), value),
  );

/** `BudgetConfig`. */
export const BudgetConfigSchema = optionsObject({
  maxCredits: num('must be a finite number, 0 or more', (n) => n >= 0 && finite(n)),
});

/** `SimpleCallOptions` (health, credits, usage). */
export const SimpleCallOptionsSchema = optionsObject({
  signal: z.optional(AbortSignalSchema),
  timeoutMs: z.optional(r.positiveMsOrInfinity),
});

/** `run: { store, id }` (`RunOptions`). */
const RunSchema = optionsObject({
  store: r.withMethods('a RunStore', 'get', 'put', 'delete'),
  id: z
    .string({ error: 'must be a string' })
    .check(z.refine((s) => s.length >= 1 && s.length <= 200 && HEADER_SAFE.test(s), { error: 'must be 1 to 200 visible ASCII characters' })),
});

/** `CallOptions`. */
export const CallOptionsSchema = optionsObject({
  ...SimpleCallOptionsSchema.shape,
  awaitJobResult: z.optional(r.boolean),
  observe: z.optional(z.enum(['body', 'events'], { error: "must be 'body' or 'events'" })),
  idempotencyKey: z.optional(
    z.string({ error: 'must be a string' }).check(
      z.refine((s) => s.length >= 1 && s.length <= 255 && HEADER_SAFE.test(s), {
        error: 'must be 1 to 255 visible ASCII characters (no control characters such as CR or LF)',
      }),
    ),
  ),
  poll: z.optional(PollOptionSchema),
  concurrency: z.optional(r.positiveInt),
  settle: z.optional(r.boolean),
  cancelOnUnsubscribe: z.optional(r.boolean),
  budget: z.optional(BudgetConfigSchema),
  extraBody: z.optional(plainRecord(z.unknown(), 'must be an object of fields')),
  extraHeaders: z.optional(
    plainRecord(
      z.string({ error: 'must be a string' }).check(
        z.refine((s) => s === '' || HEADER_SAFE.test(s), {
          error: 'must be visible ASCII (no control characters such as CR or LF)',
        }),
      ),
      'must be an object of header names to strings',
    ).check(z.refine((h) => Object.keys(h).every((k) => HEADER_NAME.test(k)), { error: 'has a key that is not a header name' })),
  ),
  run: z.optional(RunSchema),
  extraQuery: z.optional(plainRecord(z.string({ error: 'must be a string' }), 'must be an object of names to strings')),
});

/** `PulseClientOptions` (the base URL's own rules are checked by `resolveBaseUrl`). */
export const PulseClientOptionsSchema = optionsObject({
  baseUrl: z.optional(r.string),
  auth: z.optional(r.withMethods('an AuthProvider', 'token', 'invalidate')),
  timeoutMs: z.optional(r.positiveMsOrInfinity),
  maxRetries: z.optional(r.int(0, 10)),
  retry: z.optional(RetryConfigSchema),
  poll: z.optional(PollOptionSchema),
  resubmitFailedJobs: z.optional(r.int(0, 5)),
  concurrency: z.optional(r.positiveInt),
  maxInFlight: z.optional(r.positiveInt),
  requestsPerSecond: z.optional(r.positiveNumber),
  sharedRateLimit: z.optional(r.withMethods('a shared rate limit', 'acquire', 'pause')),
  logger: z.optional(r.withMethods('a Logger', 'debug', 'info', 'warn', 'error')),
  logLevel: z.optional(
    z.enum(['debug', 'info', 'warn', 'error', 'off'], { error: "must be 'debug', 'info', 'warn', 'error' or 'off'" }),
  ),
  axios: z.optional(r.withMethods('an axios instance', 'request')),
  scheduler: z.optional(SchedulerSchema),
  maxTextLength: z.optional(r.positiveInt),
  maxResponseBytes: z.optional(r.positiveInt),
  maxPlannedOutput: z.optional(num('must be a positive integer or Infinity', (n) => n === Infinity || (Number.isInteger(n) && n >= 1))),
  allowInsecureHttp: z.optional(r.boolean),
  random: z.optional(r.fn),
  cancelOnUnsubscribe: z.optional(r.boolean),
});

/** `BatchTextsConfig`, shared by the text-stream operators. */
export const BatchTextsConfigSchema = optionsObject({
  batchSize: z.optional(r.positiveInt),
  concurrency: z.optional(r.positiveInt),
  maxWaitMs: z.optional(r.intervalMs),
  total: z.optional(r.int(0, Number.MAX_SAFE_INTEGER)),
  onProgress: z.optional(r.fn),
  scheduler: z.optional(SchedulerSchema),
  maxTextLength: z.optional(r.positiveInt),
  flow: z.optional(r.withMethods('a FlowControl', 'done')),
  fast: z.optional(z.union([z.boolean(), z.literal('auto')], { error: "must be true, false or 'auto'" })),
});

/** `AnalyzeSentimentConfig`. */
export const AnalyzeSentimentConfigSchema = optionsObject({ ...BatchTextsConfigSchema.shape, version: z.optional(r.string) });

/** A theme to allocate to: a label, or a theme from `generateThemes`. */
const ThemeTargetSchema = z.union([r.nonEmptyString, z.looseObject({ shortLabel: r.nonEmptyString })], {
  error: 'must be a label or a theme with a shortLabel',
});

/** `AllocateThemesConfig`. */
export const AllocateThemesConfigSchema = optionsObject({
  ...BatchTextsConfigSchema.shape,
  themes: z
    .array(ThemeTargetSchema, { error: 'must be an array of labels or themes' })
    .check(z.minLength(1, { error: 'needs at least one theme' })),
  threshold: z.optional(num('must be a finite number', finite)),
});

/** `ExtractElementsConfig` (the dictionary's own limits are checked per request). */
export const ExtractElementsConfigSchema = optionsObject({
  ...BatchTextsConfigSchema.shape,
  dictionary: z.array(r.string, { error: 'must be an array of strings' }),
  ...checkedElsewhere('type'),
});

/** `GatherJobsConfig`. */
export const GatherJobsConfigSchema = optionsObject({
  concurrency: z.optional(r.positiveInt),
  timeoutMs: z.optional(r.positiveMsOrInfinity),
  failFast: z.optional(r.boolean),
  scheduler: z.optional(SchedulerSchema),
});

/** `SubmitAndGatherConfig`. */
export const SubmitAndGatherConfigSchema = optionsObject({
  concurrency: z.optional(r.positiveInt),
  rateLimitDelayMs: z.optional(r.delayMs),
  timeoutMs: z.optional(r.positiveMsOrInfinity),
  failFast: z.optional(r.boolean),
  scheduler: z.optional(SchedulerSchema),
});

/** The fast mode of a starter, an Analyzer or a Workflow run. */
const FastModeSchema = z.union([z.boolean(), z.literal('auto')], { error: "must be true, false or 'auto'" });

/** What starters, Analyzers and Workflow runs share (the `client` is checked by `withClient`). */
const runShape = {
  ...SimpleCallOptionsSchema.shape,
  concurrency: z.optional(r.positiveInt),
  fast: z.optional(FastModeSchema),
  ...checkedElsewhere('client'),
};

/** `StarterOptions`, without a starter's own analysis options (see `starterOptionsSchema`). */
export const StarterOptionsSchema = optionsObject({
  ...runShape,
  awaitJobResult: z.optional(r.boolean),
  onProgress: z.optional(r.fn),
});

/**
 * A starter's options: `StarterOptions` and the starter's own analysis options, named in
 * `analysisKeys` and checked by its process (or by the request schema).
 *
 * @example
 * const SentimentStarterSchema = starterOptionsSchema('version', 'provider');
 */
export const starterOptionsSchema = (...analysisKeys: string[]) =>
  optionsObject({ ...StarterOptionsSchema.shape, ...checkedElsewhere(...analysisKeys) });

/** Options of an Analyzer and of a Workflow run (dataset, processes, cache and monitor have their own checks). */
const analysisRunShape = {
  ...runShape,
  budget: z.optional(BudgetConfigSchema),
  run: z.optional(RunSchema),
  ...checkedElsewhere('cache', 'monitor'),
};

/** `AnalyzerOptions`. */
export const AnalyzerOptionsSchema = optionsObject({ ...analysisRunShape, ...checkedElsewhere('dataset', 'processes') });

/** `AnalyzerRunOptions`. */
export const AnalyzerRunOptionsSchema = optionsObject({ onEvent: z.optional(r.fn) });

/** `WorkflowRunOptions`. */
export const WorkflowRunOptionsSchema = optionsObject({ ...analysisRunShape, onEvent: z.optional(r.fn) });
