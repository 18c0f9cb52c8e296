import { adaptive, adaptiveDelayMs, DEFAULT_POLL_POLICY, PulseClient, PulseValidationError, type DurationObservation, type PollPolicy } from 'pulse-rx';
import { resolvePollPolicy } from '../../src/jobs/pollPolicy';

const policy = DEFAULT_POLL_POLICY;
const seen = (size: number, minMs: number, maxMs: number, kind = 'sentiment'): DurationObservation => ({ kind, size, minMs, maxMs });

describe('adaptiveDelayMs', () => {
  const tenSeconds = { expectedMs: 10_000, spreadMs: 400, samples: 3 }; // step 400 (4% > denseIntervalMs 250), window 9,400-10,600
  const twoSeconds = { expectedMs: 2000, spreadMs: 100, samples: 3 }; // step 250 (denseIntervalMs), window 1,850-2,150
  const unsure = { expectedMs: 4000, spreadMs: 1000, samples: 1 }; // step 750 (0.75 spread), window 2,500-5,500
  it.each([
    // estimate, ms since submission, random (0.5 = no jitter), wait ms
    ['no poll at once: the first lands on the grid inside the window', tenSeconds, 0, 0.5, 9400],
    ['dense near the expected time', tenSeconds, 9600, 0.5, 200],
    ['on a grid point: the next one', tenSeconds, 9400, 0.5, 400],
    ['a poll jittered early from a grid point (9,800): the next point, not that one again', tenSeconds, 9780, 0.5, 420],
    ['past the window: back off from the grid step', tenSeconds, 10_600, 0.5, 400],
    ['well past it: a quarter of the overrun', tenSeconds, 20_000, 0.5, 2500],
    ['never longer than maxIntervalMs past the window', tenSeconds, 100_000, 0.5, 5000],
    ['jitter moves a poll by at most jitter/2 of the step (up)', tenSeconds, 0, 1, 9440],
    ['jitter (down)', tenSeconds, 0, 0, 9360],
    ['a short job: polls 250 ms apart (denseIntervalMs) across its window, the first at 1,900', twoSeconds, 0, 0.5, 1900],
    ['a short job, late: denseIntervalMs', twoSeconds, 2150, 0.5, 250],
    ['denseIntervalMs set: the step it gives', twoSeconds, 0, 0.5, 2150, { ...policy, denseIntervalMs: 500 }],
    ['an unsure estimate: a coarser grid (5 polls over the window)', unsure, 0, 0.5, 2500],
    ['an unsure estimate: next grid point', unsure, 2500, 0.5, 750],
  ] as const)('%s', (_name, estimate, elapsedMs, random, wait, given: PollPolicy = policy) => {
    expect(adaptiveDelayMs(estimate, elapsedMs, given, random)).toBe(wait);
  });
});

describe('AdaptivePoll', () => {
  const job = { kind: 'sentiment', size: 500 };

  it('polls as the exponential policy until it has seen a job of the kind', () => {
    const p = adaptive();
    expect([p.delayMs(job, 0, 0, policy, 0.5), p.delayMs(job, 0, 1, policy, 0.5), p.delayMs(job, 500, 2, policy, 0.5)]).toEqual([0, 500, 750]);
  });

  it('waits for the expected completion once it has seen jobs of the kind and size', () => {
    const p = adaptive();
    [seen(500, 3900, 4100), seen(500, 3950, 4050), seen(500, 4000, 4100)].forEach((o) => p.observe(o));
    expect(p.delayMs(job, 0, 0, policy, 0.5)).toBeGreaterThan(3500);
    expect(p.delayMs({ kind: 'themes', size: 500 }, 0, 0, policy, 0.5)).toBe(0); // another kind: nothing learned
    expect(p.delayMs({ kind: 'sentiment' }, 0, 0, policy, 0.5)).toBe(0); // size unknown (a resumed job): no guess
    expect(p.delayMs(job, 60_000, 0, policy, 0.5)).toBe(0); // first looked at after it should be done: at once
    expect(p.delayMs(job, 60_000, 3, policy, 0.5)).toBeGreaterThan(0); // later polls back off
  });

  it('is seeded by a prior and saves what it learned for another client', () => {
    const p = adaptive({ prior: [seen(500, 3900, 4100)] });
    p.observe(seen(500, 4000, 4200));
    const copy = adaptive({ prior: JSON.parse(JSON.stringify(p)).observations });
    expect(copy.estimate('sentiment', 500)).toEqual(p.estimate('sentiment', 500));
    expect(copy.toJSON().observations).toHaveLength(2);
  });

  it('keeps the last `memory` observations of each kind', () => {
    const p = adaptive({ memory: 2, prior: [seen(500, 100, 200), seen(500, 4000, 4000), seen(500, 4000, 4000), seen(10, 1, 2, 'themes')] });
    expect(p.estimate('sentiment', 500)!.expectedMs).toBeCloseTo(4000, 0);
    expect(p.toJSON().observations).toHaveLength(3);
  });

  it('beyond its memory, drops first the jobs seen only once done, which bound durations from above only', () => {
    const p = adaptive({ memory: 3, prior: [seen(500, 3900, 4300), seen(500, 0, 4200), seen(500, 0, 4150)] });
    p.observe(seen(500, 0, 4250));
    expect(p.toJSON().observations.map((o) => [o.minMs, o.maxMs])).toEqual([[3900, 4300], [0, 4150], [0, 4250]]);
    [4100, 4300, 4200].forEach((end) => p.observe(seen(500, 0, end)));
    // Still anchored from below: polls start after 3.9 s, not at half the upper bounds.
    expect(p.toJSON().observations[0]).toEqual(seen(500, 3900, 4300));
    expect(p.estimate('sentiment', 500)!.expectedMs).toBeGreaterThan(3900);
  });

  it.each([
    [{ prior: [{ kind: 'sentiment', size: 500, minMs: 4000, maxMs: 100 }] }, 'poll.strategy.prior[0].maxMs'],
    [{ prior: [{ kind: 'sentiment', size: -1, minMs: 0, maxMs: 100 }] }, 'poll.strategy.prior[0].size'],
    [{ prior: [{ kind: '', size: 1, minMs: 0, maxMs: 100 }] }, 'poll.strategy.prior[0].kind'],
    [{ prior: [{ kind: 'sentiment', size: 1, minMs: Number.NaN, maxMs: 100 }] }, 'poll.strategy.prior[0].minMs'],
    [{ memory: 0 }, 'poll.strategy.memory'],
  ])('refuses %j naming %s', (options, field) => {
    expect(() => adaptive(options as never)).toThrow(expect.objectContaining({ name: 'PulseValidationError', field }));
  });

  it('names the usual mistakes: a policy given as poll itself, a whole saved policy given as prior', () => {
    expect(() => PulseClient.withToken('t', { baseUrl: 'http://127.0.0.1:9', poll: adaptive() as never })).toThrow(
      expect.objectContaining({ field: 'poll', message: 'poll: is an adaptive() policy; pass it as poll: { strategy: adaptive(...) }' }),
    );
    expect(() => resolvePollPolicy(adaptive() as never)).toThrow(expect.objectContaining({ field: 'poll' }));
    const saved = JSON.parse(JSON.stringify(adaptive({ prior: [seen(500, 3900, 4100)] }))) as { observations: DurationObservation[] };
    expect(() => adaptive({ prior: saved as never })).toThrow(expect.objectContaining({ field: 'poll.strategy.prior', message: expect.stringContaining('saved.observations') }));
    expect(adaptive({ prior: saved.observations }).estimate('sentiment', 500)?.samples).toBe(1);
  });

  it('is accepted as poll.strategy, as are the named strategies; anything else is refused', () => {
    const learned = adaptive();
    expect(resolvePollPolicy({ strategy: learned }).strategy).toBe(learned);
    expect(resolvePollPolicy({ strategy: 'exponential' }).strategy).toBe('exponential');
    expect(() => resolvePollPolicy({ strategy: 'fast' as never })).toThrow(PulseValidationError);
  });
});
