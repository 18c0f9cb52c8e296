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
