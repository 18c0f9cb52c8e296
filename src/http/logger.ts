/** Where pulse-rx writes what it does; `console` fits. Meta never holds tokens or secrets. */
export interface Logger {
  /** Detailed traces (request lines, retries). */
  debug(message: string, meta?: Record<string, unknown>): void;
  /** Noteworthy events (retries, token refreshes). */
  info(message: string, meta?: Record<string, unknown>): void;
  /** Problems that were recovered from. */
  warn(message: string, meta?: Record<string, unknown>): void;
  /** Failures. */
  error(message: string, meta?: Record<string, unknown>): void;
}

/** Minimum level written. @default 'warn' */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'off';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, off: 100 };
const SECRET_KEY = /authorization|token|secret|password|api[_-]?key|code_verifier|cookie/i;
const BEARER = /Bearer\s+[A-Za-z0-9._~+/=-]+/g;
const SIGNED_QUERY = /([?&](?:X-Amz-Signature|X-Amz-Credential|X-Amz-Security-Token|signature|sig|token|code)=)[^&\s"]+/gi;
const FORM_SECRET = /((?:client_secret|refresh_token|access_token|code_verifier|password|api_key)=)[^&\s"]+/gi;
const USERINFO = /(\/\/[^/\s:@]*:)[^@/\s]+@/g;
const JSON_SECRET = /("(?:client_secret|clientSecret|refresh_token|access_token|code_verifier|password|api_key|apiKey)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi;

/** Masks secrets in a string: bearer tokens, signed URL parts, URL passwords, secret form and JSON fields. */
export function redactText(text: string): string {
  return text
    .replace(USERINFO, '$1[redacted]@')
    .replace(BEARER, 'Bearer [redacted]')
    .replace(SIGNED_QUERY, '$1[redacted]')
    .replace(FORM_SECRET, '$1[redacted]')
    .replace(JSON_SECRET, '$1"[redacted]"');
}

/** Deep copy of `meta` with secret-looking keys masked and strings scrubbed (by `scrub`). */
export function redact(meta: unknown, depth = 0, scrub: (text: string) => string = redactText): unknown {
  if (typeof meta === 'string') return scrub(meta);
  if (depth > 5 || meta === null || typeof meta !== 'object') return meta;
  if (Array.isArray(meta)) return meta.map((v) => redact(v, depth + 1, scrub));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(meta)) {
    out[key] = SECRET_KEY.test(key) ? '[redacted]' : redact(value, depth + 1, scrub);
  }
  return out;
}

/** A logger that knows which levels it writes, so callers can skip building messages. */
export interface LeveledLogger extends Logger {
  /** Whether messages of `level` are written. */
  enabled(level: Exclude<LogLevel, 'off'>): boolean;
}

/**
 * A logger that drops messages under `level` and redacts the rest with `scrub` (the
 * client's exact secrets as well as secret-looking patterns).
 */
export function leveledLogger(
  logger: Logger | undefined,
  level: LogLevel,
  scrub: (text: string) => string = redactText,
): LeveledLogger {
  const write =
    (name: Exclude<LogLevel, 'off'>) =>
    (message: string, meta?: Record<string, unknown>) => {
      if (!logger || RANK[name] < RANK[level]) return;
      // No meta, no second argument: `logger: console` would print a stray `undefined`.
      if (meta === undefined) logger[name](scrub(message));
      else logger[name](scrub(message), redact(meta, 0, scrub) as Record<string, unknown>);
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    enabled: (name) => logger !== undefined && RANK[name] >= RANK[level],
  };
}
