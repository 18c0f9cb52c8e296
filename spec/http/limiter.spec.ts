import { firstValueFrom, merge, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { RequestLimiter } from '../../src/http/RequestLimiter';
import { ScaledScheduler } from '../helpers/ScaledScheduler';
import { api, resetNock, testClient } from '../helpers/testClient';

const ok = { results: [{ sentiment: 'neutral', confidence: 0.5 }], requestId: 'r' };

describe('RequestLimiter (marbles)', () => {
  it('runs at most maxInFlight at once, in arrival order', () => {
    const ts = new TestScheduler((a, e) => expect(a).toEqual(e));
    ts.run(({ cold, expectObservable }) => {
      const limiter = new RequestLimiter(2, undefined, ts);
      const work = (v: string) => limiter.run(cold('10ms (x|)', { x: v }));
      expectObservable(merge(work('a'), work('b'), work('c'))).toBe('10ms (ab) 6ms (c|)');
    });
  });

  it('spaces starts to respect requestsPerSecond', () => {
    const ts = new TestScheduler((a, e) => expect(a).toEqual(e));
    ts.run(({ cold, expectObservable }) => {
      const limiter = new RequestLimiter(10, 100, ts); // one start per 10 ms
      const work = (v: string) => limiter.run(cold('(x|)', { x: v }));
      expectObservable(merge(work('a'), work('b'), work('c'))).toBe('a 9ms b 9ms (c|)');
    });
  });
});

describe('the client-wide limiter', () => {
  beforeEach(resetNock);

  it('all calls of one client share maxInFlight', async () => {
    let inFlight = 0;
    let peak = 0;
    api()
      .post('/v1/sentiment')
      .times(10)
      .reply(async () => {
        peak = Math.max(peak, ++inFlight);
        await new Promise((r) => setTimeout(r, 20));
        inFlight--;
        return [200, ok];
      });
    const { client } = testClient({ maxInFlight: 3 });
    const all = await firstValueFrom(merge(...Array.from({ length: 10 }, () => client.analyzeSentiment({ inputs: ['x'], fast: true }))).pipe(toArray()));
    expect(all).toHaveLength(10);
    expect(peak).toBe(3);
  });

  it('unsubscribing a queued call removes it without running it', async () => {
    const seen: string[] = [];
    api()
      .post('/v1/sentiment')
      .times(3)
      .reply(async (_uri, body) => {
        seen.push((body as { inputs: string[] }).inputs[0]!);
        await new Promise((r) => setTimeout(r, 30));
        return [200, ok];
      });
    const { client } = testClient({ maxInFlight: 1 });
    const first = firstValueFrom(client.analyzeSentiment({ inputs: ['first'], fast: true }));
    const queued = client.analyzeSentiment({ inputs: ['dropped'], fast: true }).subscribe();
    const third = firstValueFrom(client.analyzeSentiment({ inputs: ['third'], fast: true }));
    queued.unsubscribe();
    await Promise.all([first, third]);
    expect(seen).toEqual(['first', 'third']);
  });

  it('spaces requests to requestsPerSecond across calls', async () => {
    // A real-time clock (factor 1) that records the waits the limiter asks for; the exact
    // spacing is pinned by the marble test above, without wall-clock assertions. The four
    // calls reach the limiter in the same tick, so three must wait for a slot; a timer a
    // busy machine wakes a millisecond early adds a short extra wait, hence "at least".
    const scheduler = new ScaledScheduler(1);
    const { client } = testClient({ requestsPerSecond: 25, scheduler });
    api().post('/v1/sentiment').times(4).reply(200, ok);
    await firstValueFrom(merge(...Array.from({ length: 4 }, () => client.analyzeSentiment({ inputs: ['x'], fast: true }))).pipe(toArray()));
    const waits = scheduler.delays.filter((ms) => ms > 0 && ms <= 40);
    // (Without requestsPerSecond nothing waits: the only other timer is the 60 s attempt timeout.)
    expect(waits.length).toBeGreaterThanOrEqual(3);
  });
});
