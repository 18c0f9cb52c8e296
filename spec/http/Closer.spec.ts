import { Closer } from '../../src/http/Closer';

describe('Closer (the client-closed signal)', () => {
  it('holds any number of listeners, calls each once on close, forgets removed ones', () => {
    const closer = new Closer();
    const calls: number[] = [];
    const listeners = Array.from({ length: 500 }, (_, i) => () => calls.push(i));
    listeners.forEach((l) => closer.addEventListener('abort', l));
    closer.removeEventListener('abort', listeners[7]!);
    expect(closer.aborted).toBe(false);
    closer.close();
    closer.close();
    expect(closer.aborted).toBe(true);
    expect(calls).toHaveLength(499);
    expect(calls).not.toContain(7);
  });
});

describe('Closer as a signal for axios', () => {
  it('calls listeners like an AbortSignal: itself as this, an abort event', () => {
    const closer = new Closer();
    const seen: Array<[unknown, unknown]> = [];
    closer.addEventListener('abort', function (this: unknown, event) {
      seen.push([this, event]);
    });
    closer.close();
    expect(seen).toEqual([[closer, { type: 'abort' }]]);
  });

  it('a throwing listener neither stops the others nor escapes close(); the error is reported later', async () => {
    jest.useFakeTimers();
    try {
      const closer = new Closer();
      const calls: string[] = [];
      closer.addEventListener('abort', () => {
        throw new Error('listener bug');
      });
      closer.addEventListener('abort', () => calls.push('second'));
      expect(() => closer.close()).not.toThrow();
      expect(calls).toEqual(['second']);
      expect(() => jest.runAllTimers()).toThrow('listener bug');
    } finally {
      jest.useRealTimers();
    }
  });
});
