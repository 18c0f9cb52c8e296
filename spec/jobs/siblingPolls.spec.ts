import { merge, of, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { adaptive, type DurationObservation, type JobStatus, type PollPolicy } from 'pulse-rx';
import { pollJob } from '../../src/jobs/pollJob';

// Cold (nothing learned): waits of 10 x 2^n ms, spread by ±50% jitter: A's random 0, B's 1.
const policy: PollPolicy = { minIntervalMs: 10, maxIntervalMs: 1000, multiplier: 2, jitter: 0.5, maxWaitMs: 10_000 };
const status = (s: JobStatus['status']): JobStatus => ({ status: s, jobId: undefined, resultUrl: 'https://r', detail: undefined });

describe('siblings teach each other at once (adaptive)', () => {
  function run(learning: boolean, sizeB = 500, prior: DurationObservation[] = []): { A: number[]; B: number[] } {
    const ts = new TestScheduler((a, b) => expect(a).toEqual(b));
    const reads: { A: number[]; B: number[] } = { A: [], B: [] };
    ts.run(() => {
      const learned = adaptive({ prior });
      const job = (name: 'A' | 'B', doneAt: number, random: number, size = 500): Observable<unknown> =>
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
          job: { kind: 'sentiment', size, submittedAt: 0 },
        });
      // A reads at 0, 10, 20, 40, 80 (waits of at least 10; ends between 40 and 80); B at 0, 15, 45, 105 unless taught.
      merge(job('A', 70, 0), job('B', 72, 1, sizeB)).subscribe();
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

  it('while the kind is barely known, a sibling (size within 10%) polls at the age the other was seen done', () => {
    // A is seen done at 80 (window 40-80): B, pending since 45, looks at once instead of at the grid point (~91).
    expect(run(true).B).toEqual([0, 15, 45, 80]);
    const notSibling = run(true, 560).B; // 12% larger: only what A taught
    expect(notSibling.slice(0, 3)).toEqual([0, 15, 45]);
    expect(notSibling.at(-1)).toBeGreaterThan(80);
  });

  it('once the kind is known, siblings follow the estimate only', () => {
    const known = [40, 45, 50].map((end): DurationObservation => ({ kind: 'sentiment', size: 500, minMs: end - 10, maxMs: end + 30 }));
    const { A, B } = run(true, 500, known);
    expect(A[0]).toBeGreaterThan(0); // no poll at once: the estimate says it cannot be done
    expect(B.at(-1)).not.toBe(A.at(-1)); // B does not jump to A's end
  });
});
