import { defer, finalize, map, Observable, of, share, tap } from 'rxjs';
import type { TokenResponse } from '../schemas/token';

/** Seconds assumed when the token endpoint omits `expires_in`. */
const DEFAULT_LIFETIME_S = 3600;

/**
 * Caches one access token until `expires_in` minus a skew, and shares a single in-flight
 * fetch between every caller that asks while it runs.
 */
export class TokenCache {
  private cached: { token: string; expiresAt: number } | undefined;
  private inflight$: Observable<string> | undefined;

  /** @param skewMs refresh this long before expiry (capped at a tenth of the lifetime) */
  constructor(private readonly skewMs: number) {}

  get(now: () => number, fetch: () => Observable<TokenResponse>): Observable<string> {
    return defer(() => {
      if (this.cached && now() < this.cached.expiresAt) return of(this.cached.token);
      this.inflight$ ??= fetch().pipe(
        tap((res) => this.store(res, now())),
        map((res) => res.access_token),
        finalize(() => (this.inflight$ = undefined)),
        share(),
      );
      return this.inflight$;
    });
  }

  private store(res: TokenResponse, now: number): void {
    const lifetimeMs = (res.expires_in ?? DEFAULT_LIFETIME_S) * 1000;
    const skew = Math.min(this.skewMs, lifetimeMs / 10);
    this.cached = { token: res.access_token, expiresAt: now + lifetimeMs - skew };
  }

  invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = undefined;
  }
}
