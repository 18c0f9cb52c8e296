import { concat, defer, from, ignoreElements, Observable, switchMap, take, tap } from 'rxjs';
import { PulseApiError, type RateLimitError } from '../errors';
import { Closer, type AbortLike } from './Closer';
import type { Interceptor } from './interceptors';
import { parseRetryAfterMs } from './retryPolicy';

/**
 * A rate limit shared beyond one client: the organisation's requests-per-second budget held
 * where every process of a fleet sees it (`FleetRateLimit` of `pulse-rx/bullmq` keeps it in
 * Redis). Each API attempt of a client takes a token first; a 429 answer tells every sharer
 * to hold for its Retry-After.
 *
 * @example
 * ```ts
 * const client = PulseClient.withToken(token, { sharedRateLimit: new FleetRateLimit(redis, { requestsPerSecond: 50 }) });
 * ```
 */
export interface SharedRateLimit {
  /** Resolves when one request may start (a token was taken); `signal` aborts the wait. */
  acquire(signal: AbortLike): Promise<unknown>;
  /** A 429 asked to wait `ms`: hold every sharer's requests that long. */
  pause(ms: number): Promise<unknown> | void;
}

/** How long sharers hold after a 429 that names no Retry-After, in ms. */
export const DEFAULT_SHARED_PAUSE_MS = 1000;

/**
 * Takes a token of the shared limit before each API attempt (unsubscribing aborts the
 * wait), and passes a 429's Retry-After on to every sharer. A failure to reach the shared
 * limit fails the attempt with that error. `before(req)`, when given, is waited for first:
 * the bearer token, so that an admitted request leaves at once instead of queueing behind a
 * token fetch and then reaching the service in a burst with the others admitted meanwhile.
 */
export function sharedLimitStep(shared: SharedRateLimit, before?: (req: Parameters<Interceptor>[0]) => Observable<unknown> | undefined): Interceptor {
  return (req, next) => {
    const attempt$ = next(req);
    // Token requests go to the identity provider, not the API: outside the API's budget.
    if (!req.limited) return attempt$;
    const token$ = new Observable<void>((subscriber) => {
      const closer = new Closer();
      shared.acquire(closer).then(
        () => {
          subscriber.next();
          subscriber.complete();
        },
        (e: unknown) => subscriber.error(e),
      );
      return () => closer.close();
    });
    const ready$ = before?.(req);
    return defer(() => (ready$ ? concat(ready$.pipe(take(1), ignoreElements()), token$) : token$)).pipe(
      switchMap(() => attempt$),
      tap({
        error: (err: unknown) => {
          if (!(PulseApiError.is(err) && err.status === 429)) return;
          const ms = (err as Partial<RateLimitError>).retryAfterMs ?? parseRetryAfterMs(err.headers ?? {}, Date.now());
          from(Promise.resolve(shared.pause(ms ?? DEFAULT_SHARED_PAUSE_MS))).subscribe({ error: () => undefined });
        },
      }),
    );
  };
}
