import { asyncScheduler, Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { JobFailedError, JobTimeoutError, PermissionDeniedError, type JobStatus, type PollPolicy } from 'pulse-rx';
import { pollJob, RESULT_LINK_REFRESHES } from '../../src/jobs/pollJob';

const policy: PollPolicy = { minIntervalMs: 10, maxIntervalMs: 40, multiplier: 2, jitter: 0, maxWaitMs: 1000 };
const status = (s: JobStatus['status'], extra: Partial<JobStatus> = {}): JobStatus => ({
  status: s,
  jobId: undefined,
  resultUrl: undefined,
  detail: undefined,
  ...extra,
});
const done = status('completed', { resultUrl: 'https://files/r1' });

describe('pollJob (marbles)', () => {
  let ts: TestScheduler;
  beforeEach(() => {
    ts = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  function deps(statuses: JobStatus[], results: Record<string, Observable<string>>, reads: string[] = []) {
    let i = 0;
    return {
      getStatus: (id: string) => {
        reads.push(id);
        const s = statuses[Math.min(i++, statuses.length - 1)]!;
        return ts.createColdObservable('-a|', { a: s });
      },
      getResult: (url: string) => results[url]!,
      scheduler: asyncScheduler,
      policy,
      random: () => 0.5,
    };
  }

  it('polls at once, then after 10 and 20 ms; emits new statuses, the result, then completes', () => {
    ts.run(({ cold, expectObservable }) => {
      const reads: string[] = [];
      const d = deps([status('pending'), status('pending'), done], { 'https://files/r1': cold('-r|', { r: 'DATA' }) }, reads);
      expectObservable(pollJob('job/1', d)).toBe('-a 31ms b(c|)', {
        a: { type: 'status', jobId: 'job/1', status: 'pending', polls: 1, elapsedMs: 1 },
        b: { type: 'status', jobId: 'job/1', status: 'completed', polls: 3, elapsedMs: 33 },
        c: { type: 'result', jobId: 'job/1', data: 'DATA' },
      });
      ts.flush();
      expect(reads).toEqual(['job/1', 'job/1', 'job/1']);
    });
  });

  it('caps the wait at maxIntervalMs', () => {
    ts.run(({ cold, expectObservable }) => {
      // reads end at 1, 12, 33, 74, 115 (waits 10, 20, 40, 40)
      const d = deps([status('pending'), status('queued'), status('pending'), status('pending'), done], {
        'https://files/r1': cold('(r|)', { r: 'X' }),
      });
      expectObservable(pollJob('j', d)).toBe('-a 10ms b 20ms c 81ms (de|)', {
        a: expect.objectContaining({ status: 'pending', polls: 1 }),
        b: expect.objectContaining({ status: 'queued', polls: 2 }),
        c: expect.objectContaining({ status: 'pending', polls: 3 }),
        d: expect.objectContaining({ status: 'completed', polls: 5, elapsedMs: 115 }),
        e: { type: 'result', jobId: 'j', data: 'X' },
      });
    });
  });

  it('a failed job errors with JobFailedError carrying the detail', () => {
    ts.run(({ expectObservable }) => {
      const d = deps([status('pending'), status('failed', { detail: 'model overloaded' })], {});
      expectObservable(pollJob('j', d)).toBe('-a 10ms (b#)', {
        a: expect.objectContaining({ status: 'pending' }),
        b: expect.objectContaining({ status: 'failed' }),
      }, new JobFailedError('j', 'failed', 'model overloaded'));
    });
  });

  it('gives up with JobTimeoutError after maxWaitMs', () => {
    ts.run(({ expectObservable }) => {
      const d = { ...deps([status('pending')], {}), policy: { ...policy, maxWaitMs: 50 } };
      expectObservable(pollJob('j', d)).toBe('-a 48ms #', { a: expect.objectContaining({ status: 'pending' }) }, new JobTimeoutError('j', 50));
    });
  });

  const expiredLink = new PermissionDeniedError({ status: 403, message: 'Request has expired' });

  it('an expired result link (403) re-reads the status for a fresh link', () => {
    ts.run(({ cold, expectObservable }) => {
      const fresh = status('completed', { resultUrl: 'https://files/r2' });
      const d = deps([done, fresh], { 'https://files/r1': cold('-#', {}, expiredLink), 'https://files/r2': cold('-r|', { r: 'FRESH' }) });
      expectObservable(pollJob('j', d)).toBe('-a--(b|)', {
        a: expect.objectContaining({ status: 'completed' }),
        b: { type: 'result', jobId: 'j', data: 'FRESH' },
      });
    });
  });

  it('links expired twice in a row still end in the result (two fresh reads)', () => {
    ts.run(({ cold, expectObservable }) => {
      const reads: string[] = [];
      const link = (n: number) => status('completed', { resultUrl: `https://files/r${n}` });
      const d = deps([link(1), link(2), link(3)], {
        'https://files/r1': cold('-#', {}, expiredLink),
        'https://files/r2': cold('-#', {}, expiredLink),
        'https://files/r3': cold('-r|', { r: 'THIRD' }),
      }, reads);
      expectObservable(pollJob('j', d)).toBe('-a----(b|)', {
        a: expect.objectContaining({ status: 'completed' }),
        b: { type: 'result', jobId: 'j', data: 'THIRD' },
      });
      ts.flush();
      expect(reads).toHaveLength(3);
    });
  });

  it(`links that are always expired fail with the 403 after ${RESULT_LINK_REFRESHES} fresh reads`, () => {
    ts.run(({ cold, expectObservable }) => {
      const reads: string[] = [];
      const d = deps([done], { 'https://files/r1': cold('-#', {}, expiredLink) }, reads);
      expectObservable(pollJob('j', d)).toBe('-a------#', { a: expect.objectContaining({ status: 'completed' }) }, expiredLink);
      ts.flush();
      expect(reads).toHaveLength(1 + RESULT_LINK_REFRESHES);
    });
  });

  it('follows an id that changes on completion', () => {
    ts.run(({ cold, expectObservable }) => {
      const d = deps([status('pending'), status('completed', { jobId: 'uuid-2', resultUrl: 'https://files/r1' })], {
        'https://files/r1': cold('(r|)', { r: 'X' }),
      });
      expectObservable(pollJob('task/1', d)).toBe('-a 10ms (bc|)', {
        a: expect.objectContaining({ jobId: 'task/1' }),
        b: expect.objectContaining({ jobId: 'uuid-2', status: 'completed' }),
        c: { type: 'result', jobId: 'uuid-2', data: 'X' },
      });
    });
  });

  it('unsubscribing stops polling', () => {
    ts.run(({ expectObservable }) => {
      const reads: string[] = [];
      const d = deps([status('pending')], {}, reads);
      expectObservable(pollJob('j', d), '^ 20ms !').toBe('-a', { a: expect.objectContaining({ status: 'pending' }) });
      ts.flush();
      expect(reads).toHaveLength(2); // at 0 and at 11; the read due at 32 never happens
    });
  });
});
