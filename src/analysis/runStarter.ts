import { defer, filter, last, map, of, switchMap, tap, throwError, timeout, toArray, type Observable } from 'rxjs';
import type { CallOptions } from '../client/CallOptions';
import type { PulseClient } from '../client/PulseClient';
import { PulseTimeoutError, PulseValidationError } from '../errors';
import { checkOptions } from '../http/checkOptions';
import { MAX_TIMER_MS } from '../http/interceptors';
import type { Job } from '../jobs/Job';
import { mapJob } from '../jobs/mapJob';
import type { FastMode } from '../schemas/common';
import type * as z from 'zod/mini';
import { StarterOptionsSchema } from '../schemas/options';
import type { JobProgressEvent } from '../jobs/JobEvent';
import type { AnalysisEvent } from './AnalysisEvent';
import { textsOf, withClient, type TextsInput } from './inputs';
import type { Process, ProcessContext } from './Process';
import type { AnalysisResult } from './results/AnalysisResult';
import { runProcesses, type RunSettings } from './runProcesses';

/** Options every starter takes. */
export interface StarterOptions extends Pick<CallOptions, 'signal' | 'concurrency'> {
  /** @default PulseClient.fromEnv(), created for the call and closed after it */
  client?: PulseClient;
  /** `'auto'`: synchronous when the input fits the synchronous limits, else a job. @default 'auto' */
  fast?: FastMode;
  /**
   * Deadline of the whole call in ms (every request, every poll, every batch): past it the
   * stream fails with `PulseTimeoutError` and everything in flight is cancelled. Each
   * request is also bounded by it. @default the client's per-request `timeoutMs` only
   */
  timeoutMs?: number;
  /**
   * `false`: emit the `Job` handle of the analysis (its result is the result object)
   * instead of waiting for it; needs `client`, which the handle polls through. @default true
   */
  awaitJobResult?: boolean;
  /**
   * Called as each part of a call the client split finishes: `{ type: 'progress', done, total,
   * partsDone, partsTotal }`, counted in input items (as `observe: 'events'` reports it).
   */
  onProgress?: (progress: JobProgressEvent) => void;
}

/** What a starter emits for options `O`: the result, or its `Job` handle with `awaitJobResult: false`. */
export type StarterResult<R, O> = O extends { awaitJobResult: false } ? Observable<Job<R>> : Observable<R>;

type AnyProcess = Process<unknown, AnalysisResult<unknown>>;
type EndEvent = Extract<AnalysisEvent, { phase: 'end' }>;

/**
 * Runs processes (built lazily, so bad options error the stream) and emits the last one's
 * result, or, with `awaitJobResult: false`, the last one's job handle once its
 * dependencies have ended.
 */
export function runStarter<R>(
  texts: TextsInput,
  options: StarterOptions | undefined,
  build: () => AnyProcess[],
  schema: z.ZodMiniType = StarterOptionsSchema,
): Observable<R | Job<R>> {
  return defer(() => {
    const checked: StarterOptions = checkOptions(schema, options, 'options');
    const { client, fast = 'auto', signal, timeoutMs, concurrency, awaitJobResult = true, onProgress } = checked;
    if (!awaitJobResult && client === undefined) {
      throw new PulseValidationError('client', 'is required with awaitJobResult: false (the handle polls through it)');
    }
    const processes = build();
    const target = processes[processes.length - 1]!;
    const call = { signal, timeoutMs, concurrency };
    const run$ = withClient(client, (c) =>
      textsOf(texts).pipe(
        switchMap((t): Observable<R | Job<R>> => {
          const settings: RunSettings = { client: c, fast, call };
          const steps = (ps: AnyProcess[]) => ps.map((process) => ({ process, texts: t }));
          if (awaitJobResult) {
            return runProcesses(steps(processes), settings).pipe(
              tap((e) => {
                if (e.phase !== 'progress' || e.process !== target.id) return;
                onProgress?.({ type: 'progress', done: e.done, total: e.total, partsDone: e.partsDone, partsTotal: e.partsTotal });
              }),
              filter((e): e is EndEvent => e.phase === 'end' && e.process === target.id),
              map((e) => e.result as R),
              last(),
            );
          }
          const before = processes.slice(0, -1);
          const upstream$ = before.length
            ? runProcesses(steps(before), settings).pipe(
                filter((e): e is EndEvent => e.phase === 'end'),
                toArray(),
                map((ends) => Object.fromEntries(ends.map((e) => [e.process, e.result]))),
              )
            : of({});
          return upstream$.pipe(
            switchMap((upstream) => {
              const ctx: ProcessContext = { client: c, texts: t, upstream, fast, call };
              return target.submit(ctx).pipe(map((job) => mapJob(job, (raw) => target.wrap(raw, ctx) as R)));
            }),
          );
        }),
      ),
    );
    return withDeadline(run$, timeoutMs);
  });
}

/** Fails the stream with `PulseTimeoutError` when its first value takes longer than `timeoutMs`. */
export function withDeadline<T>(source$: Observable<T>, timeoutMs: number | undefined): Observable<T> {
  if (timeoutMs === undefined || timeoutMs > MAX_TIMER_MS) return source$;
  return source$.pipe(timeout({ first: timeoutMs, with: () => throwError(() => new PulseTimeoutError(timeoutMs)) }));
}
