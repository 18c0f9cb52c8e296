import { Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { PulseBatchError, SplitJob, type JobEvent } from 'pulse-rx';
import { resumeSplit, splitCall, type PartRunner } from '../../../src/client/splitting/splitCall';

type Part = { inputs: string[] };
type Res = { results: string[] };
const plan = {
  parts: [{ inputs: ['a', 'b'] }, { inputs: ['c'] }],
  merge: (rs: Res[]): Res => ({ results: rs.flatMap((r) => r.results) }),
};
const r0: Res = { results: ['A', 'B'] };
const r1: Res = { results: ['C'] };

function scheduler() {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

/** A runner whose parts are the given cold marbles (submission) and polls (resumed jobs). */
function runner(
  submit: Record<number, Observable<JobEvent<Res>>>,
  poll: Record<number, Observable<JobEvent<Res>>> = {},
): PartRunner<Part, Res> & { submitted: number[]; polled: string[] } {
  const submitted: number[] = [];
  const polled: string[] = [];
  return {
    kind: 'sentiment',
    concurrency: 2,
    submitted,
    polled,
    submit: (_p, i) => (submitted.push(i), submit[i]!),
    poll: (_p, i, jobId) => (polled.push(jobId), poll[i]!),
  };
}

describe('splitCall (marbles)', () => {
  it("observe: 'events': submitted per part with { part, of }, statuses, progress in items, one stitched result", () => {
    scheduler().run(({ cold, expectObservable }) => {
      const run = runner({
        0: cold<JobEvent<Res>>('-s--r|', {
          s: { type: 'submitted', jobId: 'j0' },
          r: { type: 'result', jobId: 'j0', data: r0 },
        }),
        1: cold<JobEvent<Res>>('--st----r|', {
          s: { type: 'submitted', jobId: 'j1' },
          t: { type: 'status', jobId: 'j1', status: 'pending', polls: 1, elapsedMs: 1 },
          r: { type: 'result', jobId: 'j1', data: r1 },
        }),
      });
      expectObservable(splitCall({ inputs: ['a', 'b', 'c'] }, plan, run, { observe: 'events' })).toBe('-abcd---e(f|)', {
        a: { type: 'submitted', jobId: 'j0', part: 0, of: 2 },
        b: { type: 'submitted', jobId: 'j1', part: 1, of: 2 },
        c: { type: 'status', jobId: 'j1', status: 'pending', polls: 1, elapsedMs: 1, part: 1, of: 2 },
        d: { type: 'progress', done: 2, total: 3, partsDone: 1, partsTotal: 2 },
        e: { type: 'progress', done: 3, total: 3, partsDone: 2, partsTotal: 2 },
        f: { type: 'result', jobId: 'split', data: { results: ['A', 'B', 'C'] } },
      });
    });
  });

  it("observe: 'events' wins over awaitJobResult: false, as on a call of one part", () => {
    scheduler().run(({ cold, expectObservable }) => {
      const run = runner({
        0: cold<JobEvent<Res>>('-(r|)', { r: { type: 'result', jobId: 'j0', data: r0 } }),
        1: cold<JobEvent<Res>>('-(r|)', { r: { type: 'result', jobId: 'j1', data: r1 } }),
      });
      const events$ = splitCall({ inputs: ['a', 'b', 'c'] }, plan, run, { observe: 'events', awaitJobResult: false });
      expectObservable(events$).toBe('-(abc|)', {
        a: { type: 'progress', done: 2, total: 3, partsDone: 1, partsTotal: 2 },
        b: { type: 'progress', done: 3, total: 3, partsDone: 2, partsTotal: 2 },
        c: { type: 'result', jobId: 'split', data: { results: ['A', 'B', 'C'] } },
      });
    });
  });

  it('the body is the stitched result, once, in input order whatever order the parts finish in', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const run = runner({
        0: cold<JobEvent<Res>>('-----(r|)', { r: { type: 'result', jobId: 'j0', data: r0 } }),
        1: cold<JobEvent<Res>>('-(r|)', { r: { type: 'result', jobId: 'j1', data: r1 } }),
      });
      expectObservable(splitCall({ inputs: ['a', 'b', 'c'] }, plan, run, {})).toBe('-----(x|)', { x: { results: ['A', 'B', 'C'] } });
    });
  });

  it('a failed part fails the call with PulseBatchError naming it, and cancels the other part', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const slow = cold<JobEvent<Res>>('------r|', { r: { type: 'result', jobId: 'j0', data: r0 } });
      const run = runner({ 0: slow, 1: cold<JobEvent<Res>>('--#', {}, new Error('boom')) });
      expectObservable(splitCall({ inputs: ['a', 'b', 'c'] }, plan, run, { observe: 'events' })).toBe(
        '--#',
        {},
        new PulseBatchError(1, 2, new Error('boom')),
      );
      expectSubscriptions(slow.subscriptions).toBe('^-!');
    });
  });

  it('awaitJobResult: false submits every part (no polling) and emits one SplitJob with their jobs and ranges', () => {
    scheduler().run(({ cold, expectObservable, flush }) => {
      const s0 = cold<JobEvent<Res>>('-s-t|', { s: { type: 'submitted', jobId: 'j0' }, t: { type: 'status', jobId: 'j0', status: 'pending', polls: 1, elapsedMs: 1 } });
      const s1 = cold<JobEvent<Res>>('---s-t|', { s: { type: 'submitted', jobId: 'j1' }, t: { type: 'status', jobId: 'j1', status: 'pending', polls: 1, elapsedMs: 1 } });
      const run = runner({ 0: s0, 1: s1 });
      let job: SplitJob<Res> | undefined;
      const call$ = splitCall({ inputs: ['a', 'b', 'c'] }, plan, run, { awaitJobResult: false });
      expectObservable(call$).toBe('---(j|)', { j: expect.any(SplitJob) });
      call$.subscribe((j) => (job = j as SplitJob<Res>));
      flush();
      expect(s0.subscriptions).toEqual([{ subscribedFrame: 0, unsubscribedFrame: 1 }, { subscribedFrame: 0, unsubscribedFrame: 1 }]);
      expect(job!.toJSON()).toMatchObject({
        kind: 'sentiment',
        parts: [
          { id: 'j0', range: [0, 2] },
          { id: 'j1', range: [2, 3] },
        ],
        request: { inputs: { $texts: 3 } },
        total: 3,
      });
    });
  });

  it("a SplitJob's events$ polls each part's job (resumed: true), never submits, and stitches the result", () => {
    scheduler().run(({ cold, expectObservable, flush }) => {
      const run = runner(
        {},
        {
          0: cold<JobEvent<Res>>('------r|', { r: { type: 'result', jobId: 'j0', data: r0 } }),
          1: cold<JobEvent<Res>>('-----r|', { r: { type: 'result', jobId: 'j1', data: r1 } }),
        },
      );
      const ref = { id: 'x', kind: 'sentiment' as const, parts: [{ id: 'j0', range: [0, 2] as [number, number] }, { id: 'j1', range: [2, 3] as [number, number] }], request: {}, total: 3 };
      const job = resumeSplit(ref, plan, run);
      expectObservable(job.events$).toBe('(ab)-cd(e|)', {
        a: { type: 'submitted', jobId: 'j0', resumed: true, part: 0, of: 2 },
        b: { type: 'submitted', jobId: 'j1', resumed: true, part: 1, of: 2 },
        c: { type: 'progress', done: 1, total: 3, partsDone: 1, partsTotal: 2 },
        d: { type: 'progress', done: 3, total: 3, partsDone: 2, partsTotal: 2 },
        e: { type: 'result', jobId: 'split', data: { results: ['A', 'B', 'C'] } },
      });
      expectObservable(job.result$).toBe('-------(r|)', { r: { results: ['A', 'B', 'C'] } });
      flush();
      expect(run.submitted).toEqual([]);
      expect(run.polled).toEqual(['j0', 'j1', 'j0', 'j1']);
    });
  });
});
