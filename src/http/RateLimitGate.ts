import { defer, Observable, of, SchedulerLike, switchMap, timer } from 'rxjs';

/** Longest spacing between paced attempts after a pause, in ms. */
export const MAX_PACE_MS = 50;
/** How long attempts stay paced after a pause ends, in ms. */
export const PACED_FOR_MS = 1000;

/**
 * A client-wide cool-down: one 429 holds every call of the client until its Retry-After
 * has passed, instead of letting each call find out on its own. When the pause ends, the
 * attempts that piled up behind it are released one at a time, spaced by the server's
 * Retry-After (a rate limiter's time to its next token; at most `MAX_PACE_MS`), not all
 * at once: a burst would only meet the limit again. Pacing lasts `PACED_FOR_MS` after
 * the pause; then attempts flow freely.
 */
export class RateLimitGate {
  private pausedUntil = 0;
  /** When the next paced attempt may start. */
  private nextSlot = 0;
  private paceMs = 0;
  private pacedUntil = 0;
  private lastSlowdown = -Infinity;

  constructor(private readonly scheduler: SchedulerLike) {}

  /**
   * Holds new attempts for `ms` from now (a later pause never shortens an earlier one),
   * then paces them by `paceMs` (the server's Retry-After; default `ms`).
   */
  pause(ms: number, paceMs: number = ms): void {
    const now = this.scheduler.now();
    // A 429 while already pacing means the pace is too fast: halve the rate (at most once
    // per 100 ms, as one burst brings several 429s); a first 429 starts from the hint.
    if (now < this.pacedUntil) {
      if (now - this.lastSlowdown >= 100) {
        this.paceMs = Math.min(MAX_PACE_MS, Math.max(this.paceMs * 2, paceMs));
        this.lastSlowdown = now;
      }
    } else {
      this.paceMs = Math.min(MAX_PACE_MS, Math.max(1, paceMs, this.paceMs / 2));
      this.lastSlowdown = now;
    }
    this.pausedUntil = Math.max(this.pausedUntil, now + ms);
    this.pacedUntil = this.pausedUntil + PACED_FOR_MS;
  }

  /** Milliseconds left in the current pause. */
  remainingMs(): number {
    return Math.max(0, this.pausedUntil - this.scheduler.now());
  }

  /** True outside a pause and its pacing: an attempt may start now. */
  open(): boolean {
    return this.scheduler.now() >= this.pacedUntil;
  }

  /**
   * Emits once: at once outside a pause and its pacing, else at the attempt's slot
   * (re-checking in case a new 429 extended the pause meanwhile).
   */
  ready(): Observable<void> {
    return defer(() => {
      if (this.open()) return of(undefined);
      const now = this.scheduler.now();
      const start = Math.max(now, this.pausedUntil, this.nextSlot);
      this.nextSlot = start + this.paceMs;
      if (start <= now) return of(undefined);
      return timer(start - now, this.scheduler).pipe(switchMap(() => (this.pausedUntil > this.scheduler.now() ? this.ready() : of(undefined))));
    });
  }
}
