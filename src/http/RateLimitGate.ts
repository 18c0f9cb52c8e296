import { defer, Observable, of, SchedulerLike, switchMap, timer } from 'rxjs';

/**
 * A client-wide pause: one 429 holds every call of the client until its Retry-After has
 * passed, instead of letting each call find out on its own.
 */
export class RateLimitGate {
  private pausedUntil = 0;

  constructor(private readonly scheduler: SchedulerLike) {}

  /** Holds new attempts for `ms` from now (a later pause never shortens an earlier one). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.scheduler.now() + ms);
  }

  /** Milliseconds left in the current pause. */
  remainingMs(): number {
    return Math.max(0, this.pausedUntil - this.scheduler.now());
  }

  /** Emits once (at once when not paused), re-checking in case the pause was extended. */
  ready(): Observable<void> {
    return defer(() => {
      const wait = this.remainingMs();
      if (wait <= 0) return of(undefined);
      return timer(wait, this.scheduler).pipe(switchMap(() => this.ready()));
    });
  }
}
