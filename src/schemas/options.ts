import { z } from 'zod';

/**
 * zod schemas of the option objects (client, call, policies, operators, starters, auth):
 * one per options type, checked with the same rigour as request bodies before anything is
 * sent. Each rule carries its own message; the path of the first failure names the option.
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
  nonEmptyString: z.string({ error: 'must be a string' }).refine((s) => s.trim() !== '', { error: 'must not be empty' }),
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
export const RetryConfigSchema = z.looseObject({
  maxRetries: r.int(0, 10).optional(),
  initialDelayMs: r.delayMs.optional(),
  maxDelayMs: r.delayMs.optional(),
  jitter: r.fraction.optional(),
  maxRetryAfterMs: r.delayMs.optional(),
});

/** `Partial<PollPolicy>`; the interval order is checked once the defaults are filled in. */
export const PollPolicySchema = z.looseObject({
  minIntervalMs: r.intervalMs.optional(),
  maxIntervalMs: r.intervalMs.optional(),
  multiplier: num('must be a finite number, 1 or more', (n) => n >= 1 && finite(n)).optional(),
  jitter: r.fraction.optional(),
  maxWaitMs: r.positiveMsOrInfinity.optional(),
});

/** Visible ASCII, no leading or trailing space: safe as an HTTP header value. */
const HEADER_SAFE = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

/** `SimpleCallOptions` (health, credits, usage). */
export const SimpleCallOptionsSchema = z.looseObject({
  signal: AbortSignalSchema.optional(),
  timeoutMs: r.positiveMsOrInfinity.optional(),
});

/** `CallOptions`. */
export const CallOptionsSchema = SimpleCallOptionsSchema.extend({
  awaitJobResult: r.boolean.optional(),
  observe: z.enum(['body', 'events'], { error: "must be 'body' or 'events'" }).optional(),
  idempotencyKey: z
    .string({ error: 'must be a string' })
    .refine((s) => s.length >= 1 && s.length <= 255 && HEADER_SAFE.test(s), {
      error: 'must be 1 to 255 visible ASCII characters (no control characters such as CR or LF)',
    })
    .optional(),
  poll: PollPolicySchema.optional(),
  concurrency: r.positiveInt.optional(),
  settle: r.boolean.optional(),
});

/** `PulseClientOptions` (the base URL's own rules are checked by `resolveBaseUrl`). */
export const PulseClientOptionsSchema = z.looseObject({
  baseUrl: r.string.optional(),
  auth: r.withMethods('an AuthProvider', 'token', 'invalidate').optional(),
  timeoutMs: r.positiveMsOrInfinity.optional(),
  maxRetries: r.int(0, 10).optional(),
  retry: RetryConfigSchema.optional(),
  poll: PollPolicySchema.optional(),
  resubmitFailedJobs: r.int(0, 5).optional(),
  concurrency: r.positiveInt.optional(),
  maxInFlight: r.positiveInt.optional(),
  requestsPerSecond: r.positiveNumber.optional(),
  sharedRateLimit: r.withMethods('a shared rate limit', 'acquire', 'pause').optional(),
  logger: r.withMethods('a Logger', 'debug', 'info', 'warn', 'error').optional(),
  logLevel: z
    .enum(['debug', 'info', 'warn', 'error', 'off'], { error: "must be 'debug', 'info', 'warn', 'error' or 'off'" })
    .optional(),
  axios: r.withMethods('an axios instance', 'request').optional(),
  scheduler: SchedulerSchema.optional(),
  maxTextLength: r.positiveInt.optional(),
  maxResponseBytes: r.positiveInt.optional(),
  maxPlannedOutput: num('must be a positive integer or Infinity', (n) => n === Infinity || (Number.isInteger(n) && n >= 1)).optional(),
  allowInsecureHttp: r.boolean.optional(),
  random: r.fn.optional(),
});

/** `BatchTextsConfig`, shared by the text-stream operators. */
export const BatchTextsConfigSchema = z.looseObject({
  batchSize: r.positiveInt.optional(),
  concurrency: r.positiveInt.optional(),
  maxWaitMs: r.intervalMs.optional(),
  total: r.int(0, Number.MAX_SAFE_INTEGER).optional(),
  onProgress: r.fn.optional(),
  scheduler: SchedulerSchema.optional(),
  maxTextLength: r.positiveInt.optional(),
  flow: r.withMethods('a FlowControl', 'done').optional(),
  fast: z.union([z.boolean(), z.literal('auto')], { error: "must be true, false or 'auto'" }).optional(),
  version: r.string.optional(),
});

/** A theme to allocate to: a label, or a theme from `generateThemes`. */
const ThemeTargetSchema = z.union([r.nonEmptyString, z.looseObject({ shortLabel: r.nonEmptyString })], {
  error: 'must be a label or a theme with a shortLabel',
});

/** `AllocateThemesConfig`. */
export const AllocateThemesConfigSchema = BatchTextsConfigSchema.extend({
  themes: z
    .array(ThemeTargetSchema, { error: 'must be an array of labels or themes' })
    .min(1, { error: 'needs at least one theme' }),
  threshold: num('must be a finite number', finite).optional(),
});

/** `ExtractElementsConfig` (the dictionary's own limits are checked per request). */
export const ExtractElementsConfigSchema = BatchTextsConfigSchema.extend({
  dictionary: z.array(r.string, { error: 'must be an array of strings' }),
});

/** `GatherJobsConfig`. */
export const GatherJobsConfigSchema = z.looseObject({
  concurrency: r.positiveInt.optional(),
  timeoutMs: r.positiveMsOrInfinity.optional(),
  scheduler: SchedulerSchema.optional(),
});

/** `SubmitAndGatherConfig`. */
export const SubmitAndGatherConfigSchema = z.looseObject({
  concurrency: r.positiveInt.optional(),
  rateLimitDelayMs: r.delayMs.optional(),
  scheduler: SchedulerSchema.optional(),
});

/** `StarterOptions` (each starter's own analysis options are checked by its process). */
export const StarterOptionsSchema = SimpleCallOptionsSchema.extend({
  concurrency: r.positiveInt.optional(),
  fast: z.union([z.boolean(), z.literal('auto')], { error: "must be true, false or 'auto'" }).optional(),
});

/** Options shared by the token providers. */
const TokenProviderOptionsSchema = z.looseObject({
  clientId: r.string.optional(),
  tokenUrl: r.string.optional(),
  audience: r.string.optional(),
  scope: r.string.optional(),
  tokenTimeoutMs: r.positiveMs.optional(),
  allowInsecureHttp: r.boolean.optional(),
});

/** `ClientCredentialsAuthOptions`. */
export const ClientCredentialsAuthOptionsSchema = TokenProviderOptionsSchema.extend({
  clientSecret: r.string.optional(),
  bodyFormat: z.enum(['form', 'json'], { error: "must be 'form' or 'json'" }).optional(),
  refreshSkewMs: r.delayMs.optional(),
});

/** `AuthorizationCodePKCEAuthOptions`. */
export const AuthorizationCodePKCEAuthOptionsSchema = TokenProviderOptionsSchema.extend({
  redirectUri: r.string,
  authorizeUrl: r.string.optional(),
  organization: r.string.optional(),
});
