import {
  catchError,
  defer,
  Observable,
  retry,
  SchedulerLike,
  switchMap,
  tap,
  throwError,
  timeout,
  timer,
} from 'rxjs';
import { AuthenticationError, PulseApiError, PulseConnectionError, PulseTimeoutError, RateLimitError } from '../errors';
import type { LeveledLogger, Logger } from './logger';
import type { RateLimitGate } from './RateLimitGate';
import { isRetryableStatus, parseRetryAfterMs, retryDelayMs, type RetryConfig } from './retryPolicy';
import type { Secrets } from './Secrets';
import type { HttpRequest, HttpResponse } from './types';

/** A request as it travels the chain, with the transport's per-request settings. */
export interface TransportRequest extends HttpRequest {
  /** Attach the bearer token (API host only). */
  auth: boolean;
  /** Per-attempt timeout in ms, covering headers and body. */
  timeoutMs: number;
  /** Retries allowed for this request. */
  maxRetries: number;
  /** Takes a slot of the client-wide limiter. */
  limited: boolean;
}

export type Handler = (req: TransportRequest) => Observable<HttpResponse>;
/** Angular-style step: sees the request, calls `next` zero or more times. */
export type Interceptor = (req: TransportRequest, next: Handler) => Observable<HttpResponse>;

/**
 * Composes interceptors around a handler; the first runs outermost. A step is called once
 * per logical request, and its Observable is subscribed once per attempt (a retry
 * resubscribes): work that must happen per attempt belongs inside the Observable
 * (`defer`), not in the step's body.
 */
export function chain(interceptors: Interceptor[], backend: Handler): Handler {
  return interceptors.reduceRight<Handler>((next, step) => (req) => step(req, next), backend);
}

/** The longest delay timers can hold (2^31 - 1 ms, about 24.8 days); longer means "never". */
export const MAX_TIMER_MS = 2_147_483_647;

/** Fails an attempt with `PulseTimeoutError` when headers and body take over `timeoutMs`. */
export function timeoutStep(scheduler: SchedulerLike): Interceptor {
  return (req, next) =>
    // setTimeout turns a longer delay into 1 ms: treat it as no timeout instead.
    req.timeoutMs > 0 && req.timeoutMs <= MAX_TIMER_MS
      ? next(req).pipe(
          timeout({ first: req.timeoutMs, scheduler, with: () => throwError(() => new PulseTimeoutError(req.timeoutMs)) }),
        )
      : next(req);
}

/** Logs each attempt: method, URL (signatures masked), status, duration. */
export function loggingStep(logger: LeveledLogger, now: () => number): Interceptor {
  return (req, next) => {
    // Failures are written at info, traces at debug: below that there is nothing to do.
    if (!logger.enabled('info')) return next(req);
    const attempt$ = next(req);
    return defer(() => {
      const started = now();
      logger.debug(`→ ${req.method} ${req.url}`);
      return attempt$.pipe(
        tap({
          next: (res) => logger.debug(`← ${res.status} ${req.method} ${req.url}`, { ms: now() - started }),
          error: (err: unknown) =>
            logger.info(`✗ ${req.method} ${req.url}: ${(err as Error)?.message ?? err}`, { ms: now() - started }),
        }),
      );
    });
  };
}

/** Supplies bearer tokens; implemented by the auth layer. */
export interface TokenSource {
  token(): Observable<string>;
  /** Forget `token` (it was refused) so the next `token()` fetches a new one. */
  invalidate(token: string): void;
}

/** A bearer token must be visible ASCII: CR or LF would be mangled into the header. */
const TOKEN_SAFE = /^[\x21-\x7e]+$/;

/**
 * Adds `Authorization` for requests to the API origin only; a 401 invalidates the token
 * and replays the request once with a fresh one. Each token joins `secrets`; a token that
 * cannot travel in a header is refused (`AuthenticationError`), never mangled.
 */
export function authStep(tokens: TokenSource | undefined, apiOrigin: string, secrets?: Secrets): Interceptor {
  // Endpoint URLs start with the origin and a slash: no URL parsing for them.
  const prefix = `${apiOrigin}/`;
  const onApi = (url: string) => url.startsWith(prefix) || originOf(url) === apiOrigin;
  return (req, next) => {
    if (!tokens || !req.auth || !onApi(req.url)) return next(req);
    const withToken = (token: string) => {
      if (typeof token !== 'string' || !TOKEN_SAFE.test(token)) {
        const message = 'the auth provider gave a token that is not visible ASCII (control characters or spaces)';
        return throwError(() => new AuthenticationError({ status: 401, code: 'invalid_token', message }));
      }
      secrets?.add(token);
      return next({ ...req, headers: { ...req.headers, authorization: `Bearer ${token}` } });
    };
    return tokens.token().pipe(
      switchMap((token) =>
        withToken(token).pipe(
          catchError((err: unknown) => {
            if (!(PulseApiError.is(err) && err.status === 401)) return throwError(() => err);
            tokens.invalidate(token);
            // Replay once, and only with a different token (a static one cannot improve).
            return tokens.token().pipe(switchMap((fresh) => (fresh === token ? throwError(() => err) : withToken(fresh))));
          }),
        ),
      ),
    );
  };
}

/** Holds each attempt while the client-wide rate-limit pause lasts. */
export function gateStep(gate: RateLimitGate): Interceptor {
  return (req, next) => {
    const attempt$ = next(req);
    return defer(() => (gate.open() ? attempt$ : gate.ready().pipe(switchMap(() => attempt$))));
  };
}

/**
 * Retries connection errors, timeouts, 408, 409, 429 and 5xx with backoff and jitter,
 * honouring Retry-After on each of those statuses (503 is where services send it most) up
 * to `maxRetryAfterMs`; a 429 pauses the whole client.
 */
export function retryStep(config: RetryConfig, gate: RateLimitGate, scheduler: SchedulerLike, random: () => number, logger: Logger): Interceptor {
  return (req, next) =>
    next(req).pipe(
      retry({
        count: req.maxRetries,
        delay: (err: unknown, retryCount: number) => {
          if (!isRetryable(err)) return throwError(() => err);
          const retryAfterMs = retryAfterOf(err);
          if (retryAfterMs !== undefined && retryAfterMs > config.maxRetryAfterMs) return throwError(() => err);
          const ms = retryDelayMs(retryCount, retryAfterMs, config, random());
          if (PulseApiError.is(err) && err.status === 429) gate.pause(ms, retryAfterMs);
          logger.info(`retry ${retryCount}/${req.maxRetries} in ${ms} ms: ${req.method} ${req.url}`, {
            reason: (err as Error).message,
          });
          return timer(ms, scheduler);
        },
      }),
      catchError((err: unknown) => {
        // A rate limit we will not wait for still pauses the client for the time the server asked.
        if (err instanceof RateLimitError && err.retryAfterMs !== undefined) gate.pause(Math.min(err.retryAfterMs, config.maxRetryAfterMs));
        return throwError(() => err);
      }),
    );
}

/** The wait the server asked for: a 429's parsed value, or any other status's headers. */
function retryAfterOf(err: unknown): number | undefined {
  if (!PulseApiError.is(err)) return undefined;
  const parsed = (err as Partial<RateLimitError>).retryAfterMs;
  // An HTTP date is wall-clock time, as it was when the error was built from the answer.
  return parsed ?? parseRetryAfterMs(err.headers ?? {}, Date.now());
}

function isRetryable(err: unknown): boolean {
  if (PulseConnectionError.is(err)) return true;
  return PulseApiError.is(err) && isRetryableStatus(err.status);
}

/** `scheme://host:port` of a URL, or '' when it is not absolute. */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}
