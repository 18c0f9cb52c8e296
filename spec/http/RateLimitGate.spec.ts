import { TestScheduler } from 'rxjs/testing';
import { RateLimitGate, PACED_FOR_MS } from '../../src/http/RateLimitGate';

function releases(run: (gate: RateLimitGate, at: (label: string) => void, scheduler: TestScheduler) => void): Record<string, number> {
  const scheduler = new TestScheduler(() => undefined);
  const times: Record<string, number> = {};
  scheduler.run(() => {
    const gate = new RateLimitGate(scheduler);
    run(gate, (label) => gate.ready().subscribe(() => (times[label] = scheduler.now())), scheduler);
  });
  return times;
}

describe('RateLimitGate: the client-wide cool-down after a 429', () => {
  it('holds everything until the pause ends, then releases the backlog one at a time', () => {
    const times = releases((gate, at) => {
      gate.pause(100, 10);
      ['a', 'b', 'c'].forEach(at);
    });
    expect(times).toEqual({ a: 100, b: 110, c: 120 });
  });

  it('paces attempts for a while after the pause, then lets them flow freely', () => {
    const times = releases((gate, at, scheduler) => {
      gate.pause(100, 10);
      scheduler.schedule(() => ['a', 'b'].forEach(at), 500);
      scheduler.schedule(() => ['c', 'd'].forEach(at), 100 + PACED_FOR_MS + 1);
    });
    expect(times).toEqual({ a: 500, b: 510, c: 1101, d: 1101 });
  });

  it('a 429 while pacing halves the rate; the pace is capped', () => {
    const times = releases((gate, at, scheduler) => {
      gate.pause(10, 10);
      scheduler.schedule(() => {
        gate.pause(10, 5); // still too fast: 20 ms apart now
        ['a', 'b', 'c'].forEach(at);
      }, 200);
    });
    expect(times).toEqual({ a: 210, b: 230, c: 250 });
  });

  it('a later, longer pause holds the waiters that were already paced', () => {
    const times = releases((gate, at, scheduler) => {
      gate.pause(100, 10);
      at('a');
      scheduler.schedule(() => gate.pause(300, 10), 50);
    });
    expect(times.a).toBeGreaterThanOrEqual(350);
  });
});
