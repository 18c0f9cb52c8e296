import type * as z from 'zod/mini';
import { en } from 'zod/locales';

/**
 * zod's English messages, given to every parse: `zod/mini` loads no locale of its own (that
 * is what keeps it small), and an app's global zod configuration (another locale, its own
 * error map) must not change the messages of this library's errors.
 */
const english = /* @__PURE__ */ en();

/**
 * `schema.safeParse(value)` with zod's English messages, whatever the app configured.
 *
 * @example
 * const parsed = safeParse(SentimentResponseSchema, body);
 * if (!parsed.success) console.log(parsed.error.issues[0]?.message);
 */
export function safeParse<S extends z.ZodMiniType>(schema: S, value: unknown): z.core.util.SafeParseResult<z.output<S>> {
  return schema.safeParse(value, { error: english.localeError }) as z.core.util.SafeParseResult<z.output<S>>;
}
