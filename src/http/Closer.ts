/** The part of an AbortSignal that `withSignal` uses. */
export interface AbortLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/**
 * A light abort signal: the client's "closed" signal and each request's cancel switch.
 * Unlike an AbortSignal (an EventTarget, which warns past ten listeners in Node and costs
 * several microseconds to create), it holds any number of listeners cheaply. axios takes
 * it as a `GenericAbortSignal`.
 */
export class Closer implements AbortLike {
  private readonly listeners = new Set<() => void>();
  private done = false;

  get aborted(): boolean {
    return this.done;
  }

  addEventListener(_type: 'abort', listener: () => void): void {
    this.listeners.add(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    this.listeners.delete(listener);
  }

  close(): void {
    if (this.done) return;
    this.done = true;
    for (const listener of [...this.listeners]) listener();
    this.listeners.clear();
  }
}
