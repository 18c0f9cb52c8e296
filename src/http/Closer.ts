/** What an abort listener receives: the event, as an `AbortSignal` would dispatch it. */
export interface AbortLikeEvent {
  readonly type: 'abort';
}

/** The part of an AbortSignal that `withSignal` and axios use. */
export interface AbortLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: (event: AbortLikeEvent) => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: (event: AbortLikeEvent) => void): void;
}

/**
 * A light abort signal: the client's "closed" signal and each request's cancel switch.
 * Unlike an AbortSignal (an EventTarget, which warns past ten listeners in Node and costs
 * several microseconds to create), it holds any number of listeners cheaply. axios takes
 * it as a `GenericAbortSignal`; like an EventTarget it calls each listener with itself as
 * `this` and an `abort` event, and a listener that throws neither stops the others nor
 * escapes `close()` (the error is reported asynchronously, as `reportError` would).
 */
export class Closer implements AbortLike {
  private readonly listeners = new Set<(event: AbortLikeEvent) => void>();
  private done = false;
  /** Always undefined: axios reads it as the abort reason and then uses its own. */
  readonly reason: unknown = undefined;

  get aborted(): boolean {
    return this.done;
  }

  addEventListener(_type: 'abort', listener: (event: AbortLikeEvent) => void): void {
    if (!this.done) this.listeners.add(listener);
  }

  removeEventListener(_type: 'abort', listener: (event: AbortLikeEvent) => void): void {
    this.listeners.delete(listener);
  }

  close(): void {
    if (this.done) return;
    this.done = true;
    const event: AbortLikeEvent = { type: 'abort' };
    const listeners = [...this.listeners];
    this.listeners.clear();
    for (const listener of listeners) {
      try {
        listener.call(this, event);
      } catch (err) {
        setTimeout(() => {
          throw err;
        });
      }
    }
  }
}
