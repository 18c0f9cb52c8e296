import { PulseApiError, PulseError } from '../errors';
import { redactText } from './logger';

/** Values shorter than this are not treated as secrets (they would mask ordinary words). */
const MIN_LENGTH = 6;
/** Secrets remembered (tokens rotate, result links come and go): the oldest are forgotten. */
const CAPACITY = 64;
const MASK = '[redacted]';

/**
 * The secrets a client holds (tokens, the client secret, refresh tokens, signed result
 * links, the base URL's password), so that every string that reaches a message, a log line
 * or `toJSON` is scrubbed of their exact values, not only of secret-looking patterns: a
 * server that echoes the token in its error body does not get it into your logs.
 *
 * @example
 * const secrets = new Secrets();
 * secrets.add('s3cr3t-value');
 * secrets.text('server said: s3cr3t-value'); // 'server said: [redacted]'
 */
export class Secrets {
  readonly #values = new Set<string>();
  /** Long-lived secrets (the client secret, the base URL's password): never forgotten. */
  readonly #pinned = new Set<string>();

  /** Remembers a secret (and its URL-encoded form, as it would appear in a form body). */
  add(value: string | undefined): void {
    if (typeof value !== 'string' || value.length < MIN_LENGTH || this.#values.has(value)) return;
    for (const v of new Set([value, encodeURIComponent(value)])) {
      if (this.#values.has(v)) continue;
      this.#values.add(v);
      if (this.#values.size > CAPACITY) this.#values.delete(this.#values.values().next().value!);
    }
  }

  /** Remembers a long-lived secret for the life of the client (result links cannot push it out). */
  pin(value: string | undefined): void {
    if (typeof value !== 'string' || value.length < MIN_LENGTH) return;
    this.#pinned.add(value);
    this.#pinned.add(encodeURIComponent(value));
  }

  /** Remembers a signed link: the whole URL, its query and each long query value. */
  addUrl(url: string): void {
    this.add(url);
    try {
      const parsed = new URL(url);
      if (parsed.password) this.add(parsed.password);
      if (parsed.search.length > 1) this.add(parsed.search.slice(1));
      for (const value of parsed.searchParams.values()) if (value.length >= 16) this.add(value);
    } catch {
      // Not a URL: the whole string is remembered.
    }
  }

  /** `text` with every held secret and every secret-looking pattern masked. */
  text(text: string): string {
    let out = text;
    // Longest first, so a secret that contains another is masked whole.
    for (const v of [...this.#pinned, ...this.#values].sort((a, b) => b.length - a.length)) {
      if (out.includes(v)) out = out.split(v).join(MASK);
    }
    return redactText(out);
  }

  /** A deep copy of a JSON-like value with every string scrubbed. */
  value<T>(value: T, depth = 0): T {
    if (typeof value === 'string') return this.text(value) as T;
    if (depth > 8 || value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((v) => this.value(v, depth + 1)) as T;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = this.value(v, depth + 1);
    return out as T;
  }

  /**
   * Scrubs an error in place (message, stack, and an API error's details and body) and
   * returns it: it is on its way to the caller, who may log or serialise it.
   */
  error<E>(err: E): E {
    if (!(err instanceof Error)) return err;
    const e = err as Error & Record<string, unknown>;
    const set = (key: string, value: unknown) =>
      Object.defineProperty(e, key, { value, writable: true, configurable: true });
    set('message', this.text(e.message));
    if (typeof e.stack === 'string') set('stack', this.text(e.stack));
    if (PulseApiError.is(err)) {
      for (const key of ['errors', 'meta', 'body', 'headers', 'code']) set(key, this.value(e[key]));
    } else if (err instanceof PulseError) {
      for (const key of ['body', 'detail']) if (key in e) set(key, this.value(e[key]));
    }
    return err;
  }
}
