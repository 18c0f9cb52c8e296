import { PulseValidationError } from '../errors';
/**
 * Backpressure between a reader and the operators that consume it: the reader pauses
 * while `limit` texts are read but not yet answered, and resumes as results are emitted.
 *
 * @example
 * const flow = new FlowControl(2000);
 * readTexts('reviews.csv', { column: 'comment', flow }).pipe(analyzeSentiment(client, { flow }));
 */
export class FlowControl {
  private outstanding = 0;
  private readonly waiters = new Set<() => void>();

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new PulseValidationError('limit', 'must be a positive integer', { value: String(limit) });
  }

  /** Texts read and not yet answered. */
  get pending(): number {
    return this.outstanding;
  }

  /** The reader took `n` texts. */
  take(n = 1): void {
    this.outstanding += n;
  }

  /** `n` results were emitted: make room for more reading. */
  done(n = 1): void {
    this.outstanding = Math.max(0, this.outstanding - n);
    if (this.outstanding < this.limit) {
      for (const wake of [...this.waiters]) wake();
    }
  }

  /** True when the reader should pause. */
  get full(): boolean {
    return this.outstanding >= this.limit;
  }

  /** Calls `wake` once when there is room again; returns a function that cancels the wait. */
  onRoom(wake: () => void): () => void {
    const once = () => {
      this.waiters.delete(once);
      wake();
    };
    this.waiters.add(once);
    return () => this.waiters.delete(once);
  }
}
