import { catchError, connect, filter, from, map, merge, mergeMap, scan, throwError, toArray } from 'rxjs';
import type { Observable } from 'rxjs';
import { PulseBatchError } from '../../errors';
import type { JobEvent, JobProgressEvent, JobResultEvent } from '../../jobs/JobEvent';

/** One event of one part, tagged with the part's index. */
interface PartEvent<Res> {
  index: number;
  event: JobEvent<Res>;
}

/**
 * The events of a split call (`observe: 'events'`): each part's `submitted` and `status`
 * events tagged `{ part, of }`, a `progress` event as each part finishes (counted in input
 * items), then one `result` with the parts' results joined in input order, then complete.
 * A part that still fails after its retries fails the call with `PulseBatchError`;
 * unsubscribing cancels every part in flight.
 */
export function runBatchEvents<Req, Res>(
  parts: Req[],
  join: (results: Res[]) => Res,
  items: number[],
  concurrency: number,
  call: (part: Req, index: number) => Observable<JobEvent<Res>>,
): Observable<JobEvent<Res>> {
  const count = parts.length;
  const total = items.reduce((a, b) => a + b, 0);
  const results$ = (events$: Observable<PartEvent<Res>>) =>
    events$.pipe(filter((e): e is { index: number; event: JobResultEvent<Res> } => e.event.type === 'result'));
  return from(parts).pipe(
    mergeMap(
      (part, index) =>
        call(part, index).pipe(
          map((event): PartEvent<Res> => ({ index, event })),
          catchError((e: unknown) => throwError(() => new PulseBatchError(index, count, e))),
        ),
      concurrency,
    ),
    connect((events$) =>
      merge(
        events$.pipe(
          filter(({ event }) => event.type === 'submitted' || event.type === 'status'),
          map(({ index, event }): JobEvent<Res> => ({ ...event, part: index, of: count }) as JobEvent<Res>),
        ),
        results$(events$).pipe(
          scan(
            (p, { index }): JobProgressEvent => ({ ...p, done: p.done + items[index]!, partsDone: p.partsDone + 1 }),
            { type: 'progress', done: 0, total, partsDone: 0, partsTotal: count } as JobProgressEvent,
          ),
        ),
        results$(events$).pipe(
          toArray(),
          map((all): JobEvent<Res> => {
            const data = join(all.sort((a, b) => a.index - b.index).map((e) => e.event.data));
            return { type: 'result', jobId: (data as { requestId?: string }).requestId ?? 'split', data };
          }),
        ),
      ),
    ),
  );
}
