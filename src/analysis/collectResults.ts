import { asyncScheduler, connect, defer, filter, last, map, merge, reduce, tap, type Observable, type OperatorFunction } from 'rxjs';
import { PulseValidationError } from '../errors';
import type { AnalysisDone, AnalysisEvent, RunMonitor } from './AnalysisEvent';
import { AnalysisResults, type ResultMap } from './AnalysisResults';

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
  monitor?: RunMonitor,
  steps: readonly string[] = [],
): OperatorFunction<AnalysisEvent, AnalysisEvent | AnalysisDone<R>> {
  if (onEvent !== undefined && typeof onEvent !== 'function') {
    throw new PulseValidationError('onEvent', 'must be a function');
  }
  checkMonitor(monitor);
  type End = Extract<AnalysisEvent, { phase: 'end' }>;
  return (events$) =>
    defer(() => {
      const started = asyncScheduler.now();
      monitor?.runStart?.({ steps: [...steps] });
      return events$.pipe(
        tap((e: AnalysisEvent) => {
          onEvent?.(e);
          if (e.phase === 'start') monitor?.stepStart?.(e);
          if (e.phase === 'end') monitor?.stepEnd?.(e);
        }),
        connect((shared$) =>
          merge(
            shared$,
            shared$.pipe(
              filter((e): e is End => e.phase === 'end'),
              reduce((acc, e) => [...acc, e], [] as End[]),
              map(
                (ends): AnalysisDone<R> => ({
                  phase: 'done',
                  results: new AnalysisResults(Object.fromEntries(ends.map((e) => [e.process, e.result])) as R),
                  elapsedMs: asyncScheduler.now() - started,
                  timings: Object.fromEntries(ends.map((e) => [e.process, e.elapsedMs])),
                }),
              ),
              tap((done) => monitor?.runEnd?.(done as AnalysisDone)),
            ),
          ),
        ),
      );
    });
}

const MONITOR_HOOKS = ['runStart', 'stepStart', 'stepEnd', 'runEnd'] as const;

function checkMonitor(monitor: unknown): void {
  if (monitor === undefined) return;
  if (monitor === null || typeof monitor !== 'object') throw new PulseValidationError('monitor', 'must be an object of callbacks');
  for (const hook of MONITOR_HOOKS) {
    const f = (monitor as Record<string, unknown>)[hook];
    if (f !== undefined && typeof f !== 'function') throw new PulseValidationError(`monitor.${hook}`, 'must be a function');
  }
}
