import { brand, isBranded } from './brand';
import type { ErrorDetail } from './schemas/common';

/**
 * Base class of every error pulse-rx raises. Each class's static `is` guard answers for that
 * class (and its subclasses) only, and so does `instanceof`: both check a `Symbol.for` brand,
 * so they hold across copies of the library (ESM and CommonJS in one app, bundles).
 *
 * @example
 * import { PulseApiError } from 'pulse-rx';
 * client.analyzeSentiment({ inputs }).subscribe({ error: (e) => PulseApiError.is(e) && console.log(e.status) });
 */
export class PulseError extends Error {
  override name: string = 'PulseError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
  /**
   * Whether a value is an instance of the class it is called on (or a subclass), from any
   * copy of pulse-rx: `RateLimitError.is(e)` is false for a `ServerError`.
   */
  static is<T>(this: { prototype: T }, e: unknown): e is T {
    return isBranded(this, e);
  }
  /** `instanceof` by brand, so it holds across copies of the library. */
  static override [Symbol.hasInstance]<T>(this: { prototype: T }, value: unknown): value is T {
    return isBranded(this, value);
  }
  /** A plain, secret-free view of the error for logs and JSON. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message };
  }
}
brand(PulseError, 'PulseError');

/** What the API said when it refused a request. */
export interface ApiErrorInit {
  status: number;
  code?: string;
  message: string;
  errors?: ErrorDetail[];
  meta?: Record<string, unknown>;
  requestId?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The API answered with a non-2xx status. Subclasses by status family. */
export class PulseApiError extends PulseError {
  override name: string = 'PulseApiError';
  readonly status: number;
  readonly code: string | undefined;
  readonly errors: ErrorDetail[];
  readonly meta: Record<string, unknown> | undefined;
  readonly requestId: string | undefined;
  /** The decoded response body (JSON value or text). */
  readonly body: unknown;
  readonly headers: Record<string, string>;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.errors = init.errors ?? [];
    this.meta = init.meta;
    this.requestId = init.requestId;
    this.body = init.body;
    this.headers = init.headers ?? {};
  }


  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      status: this.status,
      code: this.code,
      errors: this.errors,
      meta: this.meta,
      requestId: this.requestId,
    };
  }
}
brand(PulseApiError, 'PulseApiError');

/** 400: the request was invalid. */
export class BadRequestError extends PulseApiError {
  override name = 'BadRequestError' as const;
}
brand(BadRequestError, 'BadRequestError');
/** 401: missing, invalid or expired credentials. */
export class AuthenticationError extends PulseApiError {
  override name = 'AuthenticationError' as const;
}
brand(AuthenticationError, 'AuthenticationError');
/** 402: the organization lacks credits (`meta.balance`, `meta.required`). */
export class InsufficientCreditsError extends PulseApiError {
  override name = 'InsufficientCreditsError' as const;
}
brand(InsufficientCreditsError, 'InsufficientCreditsError');
/** 403: authenticated but not allowed. */
export class PermissionDeniedError extends PulseApiError {
  override name = 'PermissionDeniedError' as const;
}
brand(PermissionDeniedError, 'PermissionDeniedError');
/** 404: unknown path, job or organization. */
export class NotFoundError extends PulseApiError {
  override name = 'NotFoundError' as const;
}
brand(NotFoundError, 'NotFoundError');
/** 429: too many requests; `retryAfterMs` says when to try again, when the server said. */
export class RateLimitError extends PulseApiError {
  override name = 'RateLimitError' as const;
  readonly retryAfterMs: number | undefined;
  constructor(init: ApiErrorInit & { retryAfterMs?: number }) {
    super(init);
    this.retryAfterMs = init.retryAfterMs;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), retryAfterMs: this.retryAfterMs };
  }
}
brand(RateLimitError, 'RateLimitError');
/** 5xx: the service failed. */
export class ServerError extends PulseApiError {
  override name = 'ServerError' as const;
}
brand(ServerError, 'ServerError');

/** The request never got an HTTP answer (DNS, refused, reset, closed mid-body). */
export class PulseConnectionError extends PulseError {
  override name: string = 'PulseConnectionError';
}
brand(PulseConnectionError, 'PulseConnectionError');
/** One attempt took longer than `timeoutMs` (headers and body). */
export class PulseTimeoutError extends PulseConnectionError {
  override name = 'PulseTimeoutError' as const;
  constructor(readonly timeoutMs: number) {
    super(`request timed out after ${timeoutMs} ms`);
  }
}
brand(PulseTimeoutError, 'PulseTimeoutError');
/** The call was cancelled through the `signal` option. */
export class PulseAbortError extends PulseError {
  override name = 'PulseAbortError' as const;
  constructor(message = 'request aborted by signal') {
    super(message);
  }
}
brand(PulseAbortError, 'PulseAbortError');

/** Client-side validation failed; no request was sent. */
export class PulseValidationError extends PulseError {
  override name = 'PulseValidationError' as const;
  /** Path of the offending field, e.g. `inputs[3]` or `setA`. */
  readonly field: string;
  /** The limit that was broken, when there is one (e.g. `200`, `1..50`). */
  readonly limit: string | number | undefined;
  /** A short, secret-free description of the value (never the value itself). */
  readonly value: string | undefined;

  constructor(field: string, problem: string, opts: { limit?: string | number; value?: string } = {}) {
    super(`${field}: ${problem}`);
    this.field = field;
    this.limit = opts.limit;
    this.value = opts.value;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), field: this.field, limit: this.limit, value: this.value };
  }
}
brand(PulseValidationError, 'PulseValidationError');

/** The server's answer did not match the schema; `body` keeps it raw for inspection. */
export class ResponseValidationError extends PulseError {
  override name = 'ResponseValidationError' as const;
  constructor(
    message: string,
    readonly body: unknown,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), issues: this.issues };
  }
}
brand(ResponseValidationError, 'ResponseValidationError');

/** A job ended with `failed` or `error`. */
export class JobFailedError extends PulseError {
  override name = 'JobFailedError' as const;
  constructor(
    readonly jobId: string,
    readonly status: string,
    readonly detail: string | undefined,
  ) {
    super(`job ${jobId} ${status}${detail ? `: ${detail}` : ''}`);
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), jobId: this.jobId, status: this.status, detail: this.detail };
  }
}
brand(JobFailedError, 'JobFailedError');

/** A job did not finish within `maxWaitMs`. The job may still complete on the server. */
export class JobTimeoutError extends PulseError {
  override name = 'JobTimeoutError' as const;
  constructor(
    readonly jobId: string,
    readonly waitedMs: number,
  ) {
    super(`job ${jobId} did not finish within ${waitedMs} ms`);
  }
}
brand(JobTimeoutError, 'JobTimeoutError');

/**
 * One batch of a call that was split into batches failed (after its retries); no partial
 * result is returned. `cause` is the batch's own error.
 */
export class PulseBatchError extends PulseError {
  override name = 'PulseBatchError' as const;
  constructor(
    readonly batchIndex: number,
    readonly batchCount: number,
    override readonly cause: unknown,
  ) {
    super(`batch ${batchIndex + 1} of ${batchCount} failed: ${(cause as Error)?.message ?? String(cause)}`, { cause });
  }
  override toJSON(): Record<string, unknown> {
    const cause = this.cause as { toJSON?: () => unknown; message?: string };
    return { ...super.toJSON(), batchIndex: this.batchIndex, batchCount: this.batchCount, cause: cause?.toJSON?.() ?? cause?.message };
  }
}
brand(PulseBatchError, 'PulseBatchError');

/** Maps an HTTP status to its error class (the one factory). */
export function apiErrorFor(init: ApiErrorInit & { retryAfterMs?: number }): PulseApiError {
  switch (init.status) {
    case 400:
      return new BadRequestError(init);
    case 401:
      return new AuthenticationError(init);
    case 402:
      return new InsufficientCreditsError(init);
    case 403:
      return new PermissionDeniedError(init);
    case 404:
      return new NotFoundError(init);
    case 429:
      return new RateLimitError(init);
    default:
      return init.status >= 500 ? new ServerError(init) : new PulseApiError(init);
  }
}

/**
 * The response body (once decompressed) was larger than the client's `maxResponseBytes`:
 * reading and decompressing stopped at the bound. Not retried: the same answer would come
 * back. A result link is third-party storage, so its answers are bounded the same way.
 *
 * @example
 * import { ResponseTooLargeError } from 'pulse-rx';
 * client.createEmbeddings({ inputs }).subscribe({ error: (e) => ResponseTooLargeError.is(e) && console.log(e.limitBytes) });
 */
export class ResponseTooLargeError extends PulseError {
  override name = 'ResponseTooLargeError' as const;
  constructor(readonly limitBytes: number) {
    super(`response body over ${limitBytes} bytes once decoded (client option maxResponseBytes); reading stopped there`);
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), limitBytes: this.limitBytes };
  }
}
brand(ResponseTooLargeError, 'ResponseTooLargeError');

/**
 * An optional peer dependency a feature needs is not installed (e.g. `exceljs` for
 * `.xlsx` files): install it beside pulse-rx. Nothing was read or sent.
 *
 * @example
 * import { MissingPeerDependencyError } from 'pulse-rx';
 * readTexts('survey.xlsx').subscribe({ error: (e) => MissingPeerDependencyError.is(e) && console.log(e.packageName) });
 */
export class MissingPeerDependencyError extends PulseError {
  override name = 'MissingPeerDependencyError' as const;
  constructor(
    readonly packageName: string,
    readonly feature: string,
  ) {
    super(`${feature} needs the optional package "${packageName}": npm install ${packageName}`);
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), packageName: this.packageName, feature: this.feature };
  }
}
brand(MissingPeerDependencyError, 'MissingPeerDependencyError');
