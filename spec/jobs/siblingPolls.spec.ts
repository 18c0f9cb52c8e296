import { merge, of, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { adaptive, type JobStatus, type PollPolicy } from 'pulse-rx';
import { pollJob } from '../../src/jobs/pollJob';

// Cold (nothing learned): waits of 10 x 2^n ms, spread by ±50% jitter: A's random 0, B's 1.
const policy: PollPolicy = { minIntervalMs: 10, maxIntervalMs: 1000, multiplier: 2, jitter: 0.5, maxWaitMs: 10_000 };
const status = (s: JobStatus['status']): JobStatus => ({ status: s, jobId: undefined, resultUrl: 'https://r', detail: undefined });

describe('siblings teach each other at once (adaptive)', () => {
  function run(learning: boolean): { A: number[]; B: number[] } {
    const ts = new TestScheduler((a, b) => expect(a).toEqual(b));
    const reads: { A: number[]; B: number[] } = { A: [], B: [] };
    ts.run(() => {
      const learned = adaptive();
      const job = (name: 'A' | 'B', doneAt: number, random: number): Observable<unknown> =>
        pollJob(name, {
          getStatus: () => {
            reads[name].push(ts.now());
            return of(status(ts.now() >= doneAt ? 'completed' : 'pending'));
          },
          getResult: () => of('data'),
          scheduler: ts,
          policy,
          random: () => random,
          adaptive: learning ? learned : undefined,
          job: { kind: 'sentiment', size: 500, submittedAt: 0 },
        });
      // A reads at 0, 10, 20, 40, 80 (waits of at least 10; ends between 40 and 80); B at 0, 15, 45, 105 unless taught.
      merge(job('A', 70, 0), job('B', 72, 1)).subscribe();
    });
    return reads;
  }

  it('when A ends, B plans its next poll from what A taught, instead of waiting out its backoff', () => {
    expect(run(false).B).toEqual([0, 15, 45, 105]);
    const taught = run(true);
    expect(taught.A).toEqual([0, 10, 20, 40, 80]);
    expect(taught.B.slice(0, 3)).toEqual([0, 15, 45]);
    expect(taught.B.at(-1)).toBeLessThan(105);
    expect(taught.B.at(-1)).toBeGreaterThanOrEqual(80);
  });
});
