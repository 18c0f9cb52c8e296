import { PulseValidationError } from '../errors';
import { BehaviorSubject, defer, first, from, map, mergeMap, ObservableInput, OperatorFunction, switchMap, toArray } from 'rxjs';

/** Options of `concurrentMap`. */
export interface ConcurrentMapConfig {
  /** Projections running at once. @default 4 */
  concurrency?: number;
  /**
   * How far ahead of the oldest unemitted input a projection may start: finished results
   * wait (at most this many) for their turn while the next projections run. A larger window
   * keeps every slot busy when latencies vary; it bounds memory to `window` results.
   * @default 2 × concurrency
   */
  window?: number;
}

/**
 * `mergeMap` with a concurrency limit that keeps input order: up to `concurrency`
 * projections run at once; each one's values are emitted when every earlier input's
 * values have been, so the output is in input order and the ordered prefix leaves as soon
 * as it is ready. A projection starts only within `window` of the oldest unemitted input,
 * which bounds the results held back, whatever the input size.
 *
 * @example
 * import { from } from 'rxjs';
 * import { concurrentMap } from 'pulse-rx';
 * from(batches).pipe(concurrentMap((batch) => client.analyzeSentiment({ inputs: batch, fast: true }), { concurrency: 4 }))
 *   .subscribe((res) => console.log(res.results.length));   // batch order, 4 in flight
 */
export function concurrentMap<T, R>(
  project: (value: T, index: number) => ObservableInput<R>,
  config: ConcurrentMapConfig = {},
): OperatorFunction<T, R> {
  const concurrency = config.concurrency ?? 4;
  const window = config.window ?? 2 * concurrency;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new PulseValidationError('concurrency', 'must be a positive integer', { value: String(concurrency) });
  if (!Number.isInteger(window) || window < concurrency) throw new PulseValidationError('window', 'must be an integer >= concurrency', { value: String(window) });
  return (source) =>
    defer(() => {
      const head = new BehaviorSubject(0);
      const done = new Map<number, R[]>();
      return source.pipe(
        mergeMap(
          (value, index) =>
            head.pipe(
              first((h) => index < h + window),
              switchMap(() => from(project(value, index)).pipe(toArray())),
              map((values) => ({ index, values })),
            ),
          concurrency,
        ),
        mergeMap(({ index, values }) => {
          done.set(index, values);
          const ready: R[] = [];
          let h = head.value;
          while (done.has(h)) {
            ready.push(...done.get(h)!);
            done.delete(h);
            h++;
          }
          if (h !== head.value) head.next(h);
          return ready;
        }),
      );
    });
}
