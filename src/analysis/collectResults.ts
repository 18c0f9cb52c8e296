import { connect, filter, last, map, merge, pipe, reduce, tap, type Observable, type OperatorFunction } from 'rxjs';
import { PulseValidationError } from '../errors';
import type { AnalysisDone, AnalysisEvent } from './AnalysisEvent';
import { AnalysisResults, type ResultMap } from './AnalysisResults';
import type { AnalysisResult } from './results/AnalysisResult';

/**
 * The results of an Analyzer or Workflow run out of its `events()` stream (its final
 * `done` event): one execution gives both the progress and the results. `run()` is this
 * over `events()`; `run({ onEvent })` is the shortcut when only a callback watches.
 *
 * @example
 * import { lastValueFrom, tap } from 'rxjs';
 * import { collectResults } from 'pulse-rx';
 * const results = await lastValueFrom(collectResults(analyzer.events().pipe(tap((e) => console.log(e.phase)))));
 */
export function collectResults<R extends ResultMap = ResultMap>(
  events: Observable<AnalysisEvent | AnalysisDone<R>>,
): Observable<AnalysisResults<R>> {
  return events.pipe(
    filter((e): e is AnalysisDone<R> => e.phase === 'done'),
    map((e) => e.results),
    last(),
  );
}

/**
 * Every step event (each shown to `onEvent` first), then one `done` event with the `end`
 * events' results: how Analyzer and Workflow end their `events()`.
 */
export function withResults<R extends ResultMap>(
  onEvent?: (event: AnalysisEvent) => void,
): OperatorFunction<AnalysisEvent, AnalysisEvent | AnalysisDone<R>> {
  if (onEvent !== undefined && typeof onEvent !== 'function') {
    throw new PulseValidationError('onEvent', 'must be a function');
  }
  return pipe(
    tap((e: AnalysisEvent) => onEvent?.(e)),
    connect((events$) =>
      merge(
        events$,
        events$.pipe(
          filter((e): e is Extract<AnalysisEvent, { phase: 'end' }> => e.phase === 'end'),
          reduce((acc, e) => ({ ...acc, [e.process]: e.result }), {} as Record<string, AnalysisResult<unknown>>),
          map((byName): AnalysisDone<R> => ({ phase: 'done', results: new AnalysisResults(byName as R) })),
        ),
      ),
    ),
  );
}
