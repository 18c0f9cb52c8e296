import { BehaviorSubject, defer, first, from, map, mergeMap, ObservableInput, OperatorFunction, switchMap, tap, toArray } from 'rxjs';

/** Options of `concurrentMap`. */
export interface ConcurrentMapConfig {
  /** Projections running or waiting for their turn at once. @default 4 */
  concurrency?: number;
}

/**
 * `mergeMap` with a concurrency limit that keeps input order: up to `concurrency`
 * projections run at once; each one's values are emitted when every earlier input's
 * values have been, so the output is in input order and the ordered prefix leaves as soon
 * as it is ready. A finished projection keeps its slot until its turn comes, which bounds
 * memory to `concurrency` results whatever the input size.
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
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError('concurrentMap: concurrency must be a positive integer');
  return (source) =>
    defer(() => {
      const turn = new BehaviorSubject(0);
      return source.pipe(
        mergeMap(
          (value, index) =>
            from(project(value, index)).pipe(
              toArray(),
              switchMap((values) => turn.pipe(first((head) => head === index), map(() => values))),
              mergeMap((values) => values),
              tap({ complete: () => turn.next(index + 1) }),
            ),
          concurrency,
        ),
      );
    });
}
