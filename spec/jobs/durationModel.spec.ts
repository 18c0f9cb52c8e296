import { estimateDuration, type DurationObservation } from 'pulse-rx';

const seen = (size: number, minMs: number, maxMs: number, kind = 'sentiment'): DurationObservation => ({ kind, size, minMs, maxMs });

describe('estimateDuration', () => {
  it('knows nothing before the first job', () => {
    expect(estimateDuration([], 500)).toBeUndefined();
  });

  it.each([
    // observations, size asked, expected ms, spread within [lo, hi] ms
    ['one job: its window midpoint, a wide spread', [seen(500, 3900, 4100)], 500, 4000, [900, 1100]],
    ['three alike: the middle of the window they share (4000-4050), a narrow spread', [seen(500, 3900, 4100), seen(500, 3950, 4050), seen(500, 4000, 4200)], 500, 4025, [80, 200]],
    ['three that share no window: the centre that explains them best, and their scatter', [seen(500, 3900, 4000), seen(500, 4100, 4200), seen(500, 4300, 4400)], 500, 4150, [200, 300]],
    ['two sizes: base + per item, interpolated', [seen(100, 2300, 2500), seen(1000, 5900, 6100)], 500, 4000, [150, 350]],
    ['two sizes: extrapolated on the same line', [seen(100, 2300, 2500), seen(1000, 5900, 6100)], 2000, 10000, [150, 800]],
    ['one size, another asked: a guess with its doubt in the spread', [seen(500, 3900, 4100)], 2000, 8000, [4000, 5000]],
    ['a wide window (cold polling) does not pull the estimate early', [seen(500, 2400, 4100), seen(500, 3950, 4050)], 500, 4000, [50, 400]],
    ['a sibling seen pending late narrows the window of one seen done', [seen(500, 2400, 4100), seen(500, 3980, 4400)], 500, 4040, [200, 500]],
    ['two sizes sharing a window once moved to the size asked', [seen(100, 2300, 2500), seen(1000, 5900, 6100), seen(100, 2350, 2450)], 100, 2400, [20, 200]],
  ] as const)('%s', (_name, observations, size, expected, [lo, hi]) => {
    const e = estimateDuration(observations, size)!;
    expect(Math.abs(e.expectedMs - expected)).toBeLessThanOrEqual(10); // the fit's grid
    expect(e.spreadMs).toBeGreaterThanOrEqual(lo);
    expect(e.spreadMs).toBeLessThanOrEqual(hi);
    expect(e.samples).toBe(observations.length);
  });

  it('never predicts a negative duration or a negative per-item time', () => {
    const e = estimateDuration([seen(100, 5000, 5100), seen(1000, 1000, 1100)], 5000)!;
    expect(e.expectedMs).toBeGreaterThanOrEqual(0);
    expect(e.expectedMs).toBeLessThan(5100);
  });
});
