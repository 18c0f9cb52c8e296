import { of, throwError, timer, map } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { PulseValidationError, concurrentMap } from 'pulse-rx';

describe('concurrentMap (marbles)', () => {
  let ts: TestScheduler;
  beforeEach(() => {
    ts = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  it('keeps input order when later projections finish first', () => {
    ts.run(({ cold, expectObservable }) => {
      const latency: Record<string, string> = { a: '30ms (x|)', b: '10ms (x|)', c: '20ms (x|)' };
      const source = cold('(abc|)');
      const out = source.pipe(concurrentMap((v) => cold(latency[v]!, { x: v.toUpperCase() }), { concurrency: 3 }));
      expectObservable(out).toBe('30ms (ABC|)');
    });
  });

  it('with window = concurrency, a done projection holds its slot until its turn', () => {
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('30ms (x|)', { x: 'A' });
      const b = cold('10ms (x|)', { x: 'B' });
      const c = cold('20ms (x|)', { x: 'C' });
      const inner: Record<string, typeof a> = { a, b, c };
      const out = cold('(abc|)').pipe(concurrentMap((v) => inner[v]!, { concurrency: 2, window: 2 }));
      // a and b start at 0; b is done at 10 but waits for a (30); c starts at 30, ends at 50.
      expectObservable(out).toBe('30ms (AB) 16ms (C|)');
      expectSubscriptions(c.subscriptions).toBe('30ms ^ 19ms !');
    });
  });

  it('with a wider window, a freed slot starts the next projection at once; never more than `concurrency` run', () => {
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('30ms (x|)', { x: 'A' });
      const b = cold('10ms (x|)', { x: 'B' });
      const c = cold('10ms (x|)', { x: 'C' });
      const d = cold('10ms (x|)', { x: 'D' });
      const inner: Record<string, typeof a> = { a, b, c, d };
      const out = cold('(abcd|)').pipe(concurrentMap((v) => inner[v]!, { concurrency: 2, window: 3 }));
      // b ends at 10: c starts (window 3: a, b, c); c ends at 20 but d (a+3) must wait for a (30).
      expectObservable(out).toBe('30ms (ABC) 5ms (D|)');
      expectSubscriptions(c.subscriptions).toBe('10ms ^ 9ms !');
      expectSubscriptions(d.subscriptions).toBe('30ms ^ 9ms !');
    });
  });

  it('emits the ordered prefix as soon as it is ready', () => {
    ts.run(({ cold, expectObservable }) => {
      const latency: Record<string, string> = { a: '10ms (x|)', b: '40ms (x|)', c: '5ms (x|)' };
      const out = cold('(abc|)').pipe(concurrentMap((v) => cold(latency[v]!, { x: v }), { concurrency: 3 }));
      expectObservable(out).toBe('10ms a 29ms (bc|)');
    });
  });

  it('under random latencies, output order is input order', () => {
    ts.run(() => {
      const inputs = Array.from({ length: 40 }, (_, i) => i);
      const delays = inputs.map((i) => ((i * 7919) % 37) + 1);
      const out = of(...inputs).pipe(concurrentMap((i) => timer(delays[i]!).pipe(map(() => i)), { concurrency: 5 }));
      let last = -1;
      let count = 0;
      out.subscribe((i) => {
        expect(i).toBe(last + 1);
        last = i;
        count++;
      });
      ts.flush();
      expect(count).toBe(40);
    });
  });

  it('an error in any projection errors the stream', () => {
    ts.run(({ cold, expectObservable }) => {
      const out = cold('(ab|)').pipe(concurrentMap<string, string>((v) => (v === 'b' ? throwError(() => new Error('boom')) : cold('10ms x|', { x: v }))));
      expectObservable(out).toBe('#', undefined, new Error('boom'));
    });
  });

  it('refuses a non-positive concurrency or a window below it', () => {
    expect(() => concurrentMap(() => of(1), { concurrency: 0 })).toThrow(PulseValidationError);
    expect(() => concurrentMap(() => of(1), { concurrency: 4, window: 2 })).toThrow(PulseValidationError);
  });
});
