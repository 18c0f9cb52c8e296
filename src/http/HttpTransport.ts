import { catchError, defer, Observable, SchedulerLike, throwError } from 'rxjs';
import { VERSION } from '../version';
import {
  authStep,
  chain,
  gateStep,
  loggingStep,
  originOf,
  retryStep,
  timeoutStep,
  type Handler,
  type TokenSource,
} from './interceptors';
import type { LeveledLogger } from './logger';
import { RateLimitGate } from './RateLimitGate';
import { RequestLimiter } from './RequestLimiter';
import type { RetryConfig } from './retryPolicy';
import { Secrets } from './Secrets';
import { sharedLimitStep, type SharedRateLimit } from './SharedRateLimit';
import { isSecureEnough } from './secureUrl';
import type { HttpBackend, HttpResponse } from './types';

/** Everything the transport needs; the client builds it from its options. */
export interface TransportConfig {
  backend: HttpBackend;
  /** API base URL, including the version path. */
  baseUrl: string;
  retry: RetryConfig;
  timeoutMs: number;
  scheduler: SchedulerLike;
  logger: LeveledLogger;
  tokens?: TokenSource;
  random?: () => number;
  /** Requests in flight across the client. @default unlimited */
  maxInFlight?: number;
  /** Requests started per second across the client. @default unlimited */
  requestsPerSecond?: number;
  /** A limit shared with other processes (a fleet's): a token per attempt, 429s held by all. */
  sharedRateLimit?: SharedRateLimit;
  /** Plain http to hosts other than loopback is allowed (`allowsUrl`). @default false */
  allowInsecureHttp?: boolean;
  /** The client's secrets, scrubbed from every error that leaves `send()`. @default a new set */
  secrets?: Secrets;
}

/** One logical request; retries of it share its idempotency key. */
export interface SendOptions {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path under the base URL (`/sentiment`) or an absolute URL (result links). */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Attach the bearer token. @default true */
  auth?: boolean;
  /** Per-attempt timeout in ms. @default the client's `timeoutMs` */
  timeoutMs?: number;
  /** @default the client's `retry.maxRetries` */
  maxRetries?: number;
  /** Sent as `Idempotency-Key` on POSTs; one is made per logical call when absent. */
  idempotencyKey?: string;
  /** Take a slot of the client-wide limiter. @default true (token requests bypass it) */
  limited?: boolean;
  /** Follow 3xx answers. @default false for API endpoints, true for other URLs (result links) */
  followRedirects?: boolean;
}

/**
 * The HTTP pipeline of a client: retry → rate-limit gate → timeout → auth → logging →
 * axios. Each subscription to `send()` is one logical call and re-runs the chain; its
 * errors leave scrubbed of the client's secrets.
 */
export class HttpTransport {
  readonly gate: RateLimitGate;
  readonly limiter: RequestLimiter;
  /** What errors and logs are scrubbed of. */
  readonly secrets: Secrets;
  private readonly handler: Handler;
  private readonly baseUrl: string;
  /** `baseUrl/`: every endpoint URL starts with it. */
  private readonly apiPrefix: string;
  private readonly sdkHeaders = sdkHeaders();

  constructor(private readonly config: TransportConfig) {
    this.baseUrl = config.baseUrl.replace(/\/+$/, '');
    this.apiPrefix = `${this.baseUrl}/`;
    this.secrets = config.secrets ?? new Secrets();
    this.gate = new RateLimitGate(config.scheduler);
    this.limiter = new RequestLimiter(config.maxInFlight ?? Number.POSITIVE_INFINITY, config.requestsPerSecond, config.scheduler);
    const now = () => config.scheduler.now();
    this.handler = chain(
      [
        retryStep(config.retry, this.gate, config.scheduler, config.random ?? Math.random, config.logger),
        // Inside a slot, wait out any client-wide cool-down: a 429 holds every slot.
        (req, next) => (req.limited ? this.limiter.run(next(req)) : next(req)),
        gateStep(this.gate),
        // The bearer token first, then the fleet's slot: an admitted request leaves at once.
        ...(config.sharedRateLimit
          ? [sharedLimitStep(config.sharedRateLimit, (req) => (config.tokens && req.auth && req.url.startsWith(this.apiPrefix) ? config.tokens.token() : undefined))]
          : []),
        // Outside auth: an attempt's deadline covers the wait for its token (with a shared
        // limit the token is fetched before the slot, under the token request's own deadline).
        timeoutStep(config.scheduler),
        authStep(config.tokens, originOf(this.baseUrl), this.secrets),
        loggingStep(config.logger, now),
      ],
      (req) => config.backend(req),
    );
  }

  /** Sends one logical request: a cold Observable of its decoded 2xx answer. */
  send(options: SendOptions): Observable<HttpResponse> {
    return defer(() => {
      const headers: Record<string, string> = { accept: 'application/json', ...this.sdkHeaders, ...options.headers };
      if (options.method === 'POST') {
        headers['idempotency-key'] = options.idempotencyKey ?? newIdempotencyKey();
        if (typeof options.body !== 'string') headers['content-type'] ??= 'application/json';
      }
      const url = this.urlFor(options.path, options.query);
      return this.handler({
        method: options.method,
        url,
        // The API's endpoints never redirect; anything else (result links) may.
        followRedirects: options.followRedirects ?? !url.startsWith(this.apiPrefix),
        headers,
        body: options.body,
        auth: options.auth ?? true,
        timeoutMs: options.timeoutMs ?? this.config.timeoutMs,
        maxRetries: options.maxRetries ?? this.config.retry.maxRetries,
        limited: options.limited ?? true,
      });
    }).pipe(catchError((err: unknown) => throwError(() => this.secrets.error(err))));
  }

  /**
   * Whether a URL may carry a secret or a result under the client's rule: https, plain
   * http to loopback, or plain http anywhere when the client allows insecure http.
   */
  allowsUrl(url: string): boolean {
    try {
      return isSecureEnough(new URL(url), this.config.allowInsecureHttp === true);
    } catch {
      return false;
    }
  }

  /** Absolute URL of a path under the base URL (absolute URLs pass through). */
  urlFor(path: string, query?: Record<string, string>): string {
    // The common case (an endpoint path, no query) needs no URL parsing.
    if (!query && path.startsWith('/') && !path.includes('?') && !path.includes('#')) return this.baseUrl + path;
    const url = /^https?:\/\//i.test(path) ? new URL(path) : new URL(this.baseUrl + (path.startsWith('/') ? path : `/${path}`));
    for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
    return url.toString();
  }
}

/** The headers that identify pulse-rx on every request (`User-Agent` on Node only). */
export function sdkHeaders(): Record<string, string> {
  const headers: Record<string, string> = { 'x-pulse-client': `pulse-rx/${VERSION}` };
  // Browsers forbid setting User-Agent; Node accepts it.
  const proc = (globalThis as { process?: { versions?: { node?: string } } }).process;
  if (proc?.versions?.node) headers['user-agent'] = `pulse-rx/${VERSION} node/${proc.versions.node}`;
  return headers;
}

/** A random idempotency key (UUID v4). */
export function newIdempotencyKey(): string {
  const c = (globalThis as { crypto?: Crypto }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  const bytes = new Uint8Array(16);
  c?.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
