import { catchError, from, map, Observable, of, throwError, toArray } from 'rxjs';
import { concurrentMap } from '../../concurrency/concurrentMap';
import { PulseBatchError, PulseValidationError } from '../../errors';
import type { BatchOutcome, CallOptions, SettledBatches } from '../CallOptions';

/**
 * Runs the parts of a split call with bounded concurrency and joins them in input order.
 * A part that still fails after its retries fails the call with `PulseBatchError` (no
 * partial result); with `settle: true` every part's outcome is emitted instead.
 */
export function runBatches<Req, Res>(
  parts: Req[],
  merge: ((results: Res[]) => Res) | undefined,
  options: CallOptions,
  defaultConcurrency: number,
  call: (part: Req) => Observable<Res>,
): Observable<unknown> {
  if (options.observe === 'events' || options.awaitJobResult === false) {
    throw new PulseValidationError(
      options.observe === 'events' ? 'options.observe' : 'options.awaitJobResult',
      options.observe === 'events'
        ? "'events' is not available with settle: true; subscribe to the outcomes instead"
        : 'is not available with settle: true; subscribe to the outcomes instead',
    );
  }
  const concurrency = options.concurrency ?? defaultConcurrency;
  const count = parts.length;
  if (options.settle) {
    return from(parts).pipe(
      concurrentMap(
        (part, index) =>
          call(part).pipe(
            map((value): BatchOutcome<Res> => ({ index, status: 'fulfilled', value })),
            catchError((error: unknown) => of<BatchOutcome<Res>>({ index, status: 'rejected', error })),
          ),
        { concurrency },
      ),
      toArray(),
      map((batches): SettledBatches<Res> => ({ batches })),
    );
  }
  return from(parts).pipe(
    concurrentMap((part, index) => call(part).pipe(catchError((e: unknown) => throwError(() => new PulseBatchError(index, count, e)))), {
      concurrency,
    }),
    toArray(),
    map((results) => (merge ? merge(results) : results[0])),
  );
}
