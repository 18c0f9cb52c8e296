import { asyncScheduler, SchedulerAction, SchedulerLike, Subscription } from 'rxjs';

/**
 * A scheduler whose clock runs `factor` times faster than the wall clock: a 2 s backoff
 * takes 2 ms. It records every delay asked of it, so tests assert the timing the client
 * chose without sleeping.
 */
export class ScaledScheduler implements SchedulerLike {
  readonly delays: number[] = [];
  private readonly origin = Date.now();

  constructor(private readonly factor = 1000) {}

  now(): number {
    return this.origin + (Date.now() - this.origin) * this.factor;
  }

  schedule<T>(work: (this: SchedulerAction<T>, state?: T) => void, delay = 0, state?: T): Subscription {
    this.delays.push(delay);
    return asyncScheduler.schedule(work, delay / this.factor, state);
  }

  /** Delays between `lo` and `hi` ms (exclusive of the huge per-attempt timeouts). */
  waits(lo = 1, hi = 1_000_000): number[] {
    return this.delays.filter((d) => d >= lo && d < hi);
  }
}
