import { censoredFit } from '../../src/jobs/censoredFit';

describe('censoredFit (durations known only to lie in windows)', () => {
  it('knows nothing without windows', () => {
    expect(censoredFit([])).toBeUndefined();
  });

  it.each([
    // windows, centre within [lo, hi], centre spread within [lo, hi], scatter within [lo, hi]
    ['one window: its middle, as unsure as the window is wide', [[3000, 4000]], [3490, 3510], [250, 330], [0, 20]],
    ['windows sharing 4000-4050: its middle, sure, little scatter', [[3900, 4100], [3950, 4050], [4000, 4200]], [4015, 4035], [5, 30], [0, 20]],
    ['windows that disagree: between them, with the scatter that explains them', [[3900, 4000], [4300, 4400]], [4100, 4200], [0, 200], [100, 400]],
    ['a wide window beside narrow ones does not pull the centre early', [[0, 4100], [3950, 4050], [3980, 4060]], [3990, 4030], [0, 40], [0, 30]],
  ] as const)('%s', (_name, windows, centre, centreSpread, scatter) => {
    const fit = censoredFit(windows)!;
    expect(fit.centerMs).toBeGreaterThanOrEqual(centre[0]);
    expect(fit.centerMs).toBeLessThanOrEqual(centre[1]);
    expect(fit.centerSpreadMs).toBeGreaterThanOrEqual(centreSpread[0]);
    expect(fit.centerSpreadMs).toBeLessThanOrEqual(centreSpread[1]);
    expect(fit.scatterMs).toBeGreaterThanOrEqual(scatter[0]);
    expect(fit.scatterMs).toBeLessThanOrEqual(scatter[1]);
  });
});
