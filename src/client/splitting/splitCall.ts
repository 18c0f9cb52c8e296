import { concat, concatMap, defer, filter, first, from, last, map, mergeMap, of, switchMap, toArray } from 'rxjs';
import type { Observable } from 'rxjs';
import { PulseValidationError } from '../../errors';
import { newIdempotencyKey } from '../../http/HttpTransport';
import type { JobEvent, JobResultEvent } from '../../jobs/JobEvent';
import { RunLog } from '../../jobs/RunLog';
import { SplitJob, type PartRef } from '../../jobs/SplitJob';
import type { JobKind } from '../../schemas/jobs';
import type { CallOptions } from '../CallOptions';
import type { BatchPlan } from '../EndpointDef';
import { runBatchEvents } from './runBatchEvents';
import { shapeOf } from './requestShape';

/** What a split call needs of the client: how to submit one part, and how to poll a part's job. */
export interface PartRunner<Req, Res> {
  kind: JobKind;
  /** Submits part `index` with `idempotencyKey`: its events (`submitted` first when it became a job). */
  submit(part: Req, index: number, idempotencyKey: string | undefined): Observable<JobEvent<Res>>;
  /** Polls part `index`'s job `jobId` (submitted earlier, maybe by another process). */
  poll(part: Req, index: number, jobId: string): Observable<JobEvent<Res>>;
  /** Default parts in flight. */
  concurrency: number;
}

/** Input items per part: the plan's own counts, or each part's `inputs`. */
export function itemsOf<Req, Res>(plan: BatchPlan<Req, Res>): number[] {
  return plan.items ?? plan.parts.map((p) => (p as { inputs?: unknown[] }).inputs?.length ?? 1);
}

/**
 * A call split into parts (or any call with `run`), as the options ask: the stitched body,
 * the events (`submitted` per part, part statuses, `progress`, one `result`), or a
 * {@link SplitJob} handle once every part is submitted. With `run: { store, id }` each part's
 * job is recorded the moment it is accepted, and its completion; a part already recorded is
 * polled (or its result fetched again), never resubmitted.
 */
export function splitCall<Req, Res>(
  request: Req,
  plan: BatchPlan<Req, Res>,
  runner: PartRunner<Req, Res>,
  options: CallOptions,
): Observable<unknown> {
  const items = itemsOf(plan);
  const total = items.reduce((a, b) => a + b, 0);
  const concurrency = options.concurrency ?? runner.concurrency;
  const run = options.run;
  // Without a run nothing is awaited: the parts start in the subscriber's turn (and in virtual time).
  const log$: Observable<RunLog | undefined> = run
    ? defer(() => RunLog.open(run.store, run.id, { kind: runner.kind, partsTotal: plan.parts.length, total }))
    : of(undefined);
  return log$.pipe(
    switchMap((log) => {
      const keyOf = (index: number) =>
        log?.idempotencyKey(index) ??
        (options.idempotencyKey === undefined ? undefined : `${options.idempotencyKey}.part-${index}`);
      const record = (index: number) => (e: JobEvent<Res>) =>
        log && e.type === 'submitted' ? from(log.submitted(index, e.jobId)).pipe(map(() => e)) : of(e);
      const submit = (part: Req, index: number) =>
        runner.submit(part, index, keyOf(index)).pipe(concatMap(record(index)));
      const resumed = (part: Req, index: number, jobId: string) =>
        concat(of<JobEvent<Res>>({ type: 'submitted', jobId, resumed: true }), runner.poll(part, index, jobId));
      const partEvents = (part: Req, index: number): Observable<JobEvent<Res>> => {
        const recorded = log?.part(index);
        const events$ = recorded ? resumed(part, index, recorded.jobId) : submit(part, index);
        if (!log) return events$;
        return events$.pipe(concatMap((e) => (e.type === 'result' ? from(log.done(index)).pipe(map(() => e)) : of(e))));
      };
      // As on a call of one part, `observe: 'events'` wins over `awaitJobResult: false`.
      if (options.awaitJobResult === false && options.observe !== 'events') {
        return submitAll(plan, concurrency, (part, index) => {
          const recorded = log?.part(index);
          return recorded ? of(recorded.jobId) : submittedId(submit(part, index), index);
        }).pipe(
          map((ids) => {
            const ranges = rangesOf(items);
            const parts: PartRef[] = ids.map((id, i) => ({ id, range: ranges[i]! }));
            const id = run?.id ?? `split-${newIdempotencyKey()}`;
            const ref = { id, kind: runner.kind, parts, request: shapeOf(request as object), total };
            const poll = (part: Req, index: number) => resumed(part, index, parts[index]!.id);
            return new SplitJob<Res>(ref, () => runBatchEvents(plan.parts, plan.merge, items, concurrency, poll));
          }),
        );
      }
      const events$ = runBatchEvents(plan.parts, plan.merge, items, concurrency, partEvents);
      if (options.observe === 'events') return events$;
      return events$.pipe(
        filter((e): e is JobResultEvent<Res> => e.type === 'result'),
        last(),
        map((e) => e.data),
      );
    }),
  );
}

/** A split call's handle from its reference: polls every part, stitches, no submission. */
export function resumeSplit<Req, Res>(
  ref: { id: string; kind: JobKind; parts: PartRef[]; request: Record<string, unknown>; total: number },
  plan: BatchPlan<Req, Res>,
  runner: PartRunner<Req, Res>,
): SplitJob<Res> {
  if (plan.parts.length !== ref.parts.length) {
    const problem = `has ${ref.parts.length} parts; the request's shape plans ${plan.parts.length}`;
    throw new PulseValidationError('ref.parts', problem);
  }
  const poll = (part: Req, index: number) => {
    const jobId = ref.parts[index]!.id;
    return concat(of<JobEvent<Res>>({ type: 'submitted', jobId, resumed: true }), runner.poll(part, index, jobId));
  };
  return new SplitJob<Res>(ref, () => runBatchEvents(plan.parts, plan.merge, itemsOf(plan), runner.concurrency, poll));
}

function submitAll<Req, Res>(
  plan: BatchPlan<Req, Res>,
  concurrency: number,
  submit: (part: Req, index: number) => Observable<string>,
): Observable<string[]> {
  return from(plan.parts).pipe(
    mergeMap((part, index) => submit(part, index).pipe(map((id) => ({ index, id }))), concurrency),
    toArray(),
    map((all) => all.sort((a, b) => a.index - b.index).map((p) => p.id)),
  );
}

/** The job id of a part's submission (its first event); the part's polling is not started. */
function submittedId<Res>(events$: Observable<JobEvent<Res>>, index: number): Observable<string> {
  return events$.pipe(
    first(),
    map((e) => {
      if (e.type !== 'submitted') {
        throw new PulseValidationError('options.awaitJobResult', `part ${index} answered at once; it has no job`);
      }
      return e.jobId;
    }),
  );
}

/** `[start, end)` of each part in input items. */
function rangesOf(items: number[]): [number, number][] {
  let start = 0;
  return items.map((n) => [start, (start += n)]);
}
