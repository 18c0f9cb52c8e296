import { startEmulator, type JobDurationModel } from 'pulse-rx/emulator';
import { jobDurationMs } from '../../src/emulator/jobDuration';

const MODEL: JobDurationModel = { sentiment: { baseMs: 1000, perItemMs: 100, jitter: 0.2 }, default: { baseMs: 50 } };
const SIZES = [1, 2, 3, 4, 5, 6];

/** Durations of jobs submitted at t = 0, read through GET /jobs with the emulator's clock moved (binary search). */
async function durations(seed: number, model: JobDurationModel | undefined, sizes = SIZES): Promise<number[]> {
  let t = 0;
  const emulator = await startEmulator({ seed, jobDuration: model, jobDurationMs: 300, requireAuth: false, now: () => t });
  try {
    const ids: string[] = [];
    for (const size of sizes) {
      const inputs = Array.from({ length: size }, (_, i) => `text ${i}`);
      const res = await fetch(`${emulator.url}/sentiment`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ inputs }) });
      ids.push(((await res.json()) as { job_id: string }).job_id);
    }
    const out: number[] = [];
    for (const id of ids) {
      let [lo, hi] = [0, 10_000]; // pending at lo, done at hi
      while (hi - lo > 1) {
        t = Math.floor((lo + hi) / 2);
        const res = await fetch(`${emulator.url}/jobs?jobId=${encodeURIComponent(id)}`);
        if (((await res.json()) as { status: string }).status === 'completed') hi = t;
        else lo = t;
      }
      const job = emulator.job(id)!;
      expect(job.readyAt - job.createdAt).toBe(hi);
      out.push(hi);
    }
    return out;
  } finally {
    await emulator.close();
  }
}

describe('emulator job duration model', () => {
  it('gives the same durations for the same seed, others for another seed, base + per item ± jitter', async () => {
    const a = await durations(7, MODEL);
    const b = await durations(7, MODEL);
    const c = await durations(8, MODEL);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    SIZES.forEach((size, i) => {
      const base = 1000 + 100 * size;
      expect(a[i]).toBeGreaterThanOrEqual(Math.floor(base * 0.8));
      expect(a[i]).toBeLessThanOrEqual(Math.ceil(base * 1.2));
    });
    expect(new Set(a.map((d, i) => d - (1000 + 100 * SIZES[i]!))).size).toBeGreaterThan(1); // jitter applied
  });

  it('keeps the fixed jobDurationMs when no model is given', async () => {
    expect(await durations(7, undefined, [1, 5])).toEqual([300, 300]);
  });

  it.each([
    [{ sentiment: { baseMs: -1 } }, 'jobDuration.sentiment.baseMs'],
    [{ sentiment: { jitter: 2 } }, 'jobDuration.sentiment.jitter'],
    [{ sentiment: { speed: 2 } }, 'jobDuration.sentiment.speed'],
    [{ sentimental: { baseMs: 1 } }, 'jobDuration.sentimental'],
  ])('refuses %j naming %s', async (model, field) => {
    await expect(startEmulator({ jobDuration: model as JobDurationModel })).rejects.toThrow(field);
  });

  it.each([
    // feature, items, seed, n: deterministic draws within base ± jitter
    ['sentiment', 10, 1, 1],
    ['sentiment', 10, 1, 2],
    ['themes', 0, 3, 9],
  ] as const)('jobDurationMs(%s, %i items, seed %i, job %i) is a pure function of its arguments', (feature, items, seed, n) => {
    const once = jobDurationMs(MODEL, feature, items, seed, n);
    expect(jobDurationMs(MODEL, feature, items, seed, n)).toBe(once);
    const spec = feature === 'sentiment' ? MODEL.sentiment! : MODEL.default!;
    const base = spec.baseMs! + (spec.perItemMs ?? 0) * items;
    expect(Math.abs(once - base)).toBeLessThanOrEqual(Math.ceil(base * (spec.jitter ?? 0)));
  });
});
