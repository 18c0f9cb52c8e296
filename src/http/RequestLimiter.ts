import { Observable, SchedulerLike, Subscription } from 'rxjs';

interface Ticket {
  start(): void;
}

/**
 * The client-wide limiter: at most `maxInFlight` requests at once and, optionally, at most
 * `requestsPerSecond` started per second, shared by every call of a client. Waiting work
 * runs in arrival order; unsubscribing before its turn removes it without running it.
 */
export class RequestLimiter {
  private active = 0;
  private readonly queue: Ticket[] = [];
  private lastStart = Number.NEGATIVE_INFINITY;
  private timer: Subscription | undefined;

  constructor(
    readonly maxInFlight: number,
    readonly requestsPerSecond: number | undefined,
    private readonly scheduler: SchedulerLike,
  ) {}

  /** Requests running now. */
  get inFlight(): number {
    return this.active;
  }

  /** Requests waiting for a slot. */
  get waiting(): number {
    return this.queue.length;
  }

  /** `work$`, started when a slot (and the rate) allows. */
  run<T>(work$: Observable<T>): Observable<T> {
    return new Observable<T>((subscriber) => {
      let inner: Subscription | undefined;
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        this.active--;
        this.pump();
      };
      const ticket: Ticket = {
        start: () => {
          this.active++;
          inner = work$.subscribe({
            next: (v) => subscriber.next(v),
            error: (e: unknown) => {
              release();
              subscriber.error(e);
            },
            complete: () => {
              release();
              subscriber.complete();
            },
          });
        },
      };
      this.queue.push(ticket);
      this.pump();
      return () => {
        const waiting = this.queue.indexOf(ticket);
        if (waiting >= 0) this.queue.splice(waiting, 1);
        if (inner) {
          inner.unsubscribe();
          release();
        }
      };
    });
  }

  private pump(): void {
    while (this.active < this.maxInFlight && this.queue.length > 0) {
      if (this.requestsPerSecond) {
        const gap = 1000 / this.requestsPerSecond;
        const wait = this.lastStart + gap - this.scheduler.now();
        if (wait > 0) {
          this.timer ??= this.scheduler.schedule(() => {
            this.timer = undefined;
            this.pump();
          }, wait);
          return;
        }
        this.lastStart = this.scheduler.now();
      }
      this.queue.shift()!.start();
    }
  }
}
