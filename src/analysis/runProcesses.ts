import { asyncScheduler, catchError, concat, defer, filter, forkJoin, from, map, merge, mergeMap, of, ReplaySubject, share, switchMap, take, throwError, type Observable } from 'rxjs';
import type { PulseClient } from '../client/PulseClient';
import type { FastMode } from '../schemas/common';
import type { AnalysisEvent } from './AnalysisEvent';
import { cachedResult, type ResultCache } from './cache';
import { topoSort } from './graph';
import type { Process, ProcessContext, ProcessEmission } from './Process';
import type { AnalysisResult } from './results/AnalysisResult';
import { stableHash } from './stableHash';

/** A process bound to the texts it analyses. */
export interface PlannedStep {
  process: Process<unknown, AnalysisResult<unknown>>;
  texts: readonly string[];
  /** Texts taken from another step's result instead (that step runs first). */
  textsFrom?: { step: string; select: (result: AnalysisResult<unknown>) => readonly string[] };
}

/** How the steps run. */
export interface RunSettings {
  client: PulseClient;
  cache?: ResultCache;
  fast: FastMode;
  call: ProcessContext['call'];
  /** Clock of the step timings, in ms. @default the async scheduler's */
  now?: () => number;
}

/** A step's call options: a run's record is kept per step, under `<run id>/<step name>`. */
function stepCall(call: ProcessContext['call'], step: string): ProcessContext['call'] {
  return call.run ? { ...call, run: { store: call.run.store, id: `${call.run.id}/${step}` } } : call;
}

type EndEvent = Extract<AnalysisEvent, { phase: 'end' }>;

/**
 * Runs steps as a dependency graph: each starts when its dependencies have ended,
 * independent ones run at the same time, and every event of every step is emitted.
 * A failing step fails the run (after its `error` event; its dependents never start) and
 * cancels the others;
 * unsubscribing cancels every request in flight.
 */
export function runProcesses(steps: readonly PlannedStep[], settings: RunSettings): Observable<AnalysisEvent> {
  return defer(() => {
    const now = settings.now ?? (() => asyncScheduler.now());
    const ordered = topoSort(
      steps.map((s) => ({ id: s.process.id, kind: s.process.kind, dependsOn: [...new Set([...s.process.dependsOn(), ...(s.textsFrom ? [s.textsFrom.step] : [])])], step: s })),
    );
    const textHashes = new Map<readonly string[], string>();
    const hashTexts = (texts: readonly string[]) => textHashes.get(texts) ?? textHashes.set(texts, stableHash(texts)).get(texts)!;
    const streams = new Map<string, Observable<AnalysisEvent>>();
    for (const node of ordered) {
      const { process, textsFrom } = node.step;
      const ends = node.dependsOn.map((d) =>
        streams.get(d)!.pipe(
          filter((e): e is EndEvent => e.phase === 'end'),
          take(1),
        ),
      );
      const tag = { process: process.id, kind: process.kind };
      const stream = (ends.length ? forkJoin(ends) : of([] as EndEvent[])).pipe(
        switchMap((deps) => {
          const upstream = Object.fromEntries(deps.map((e) => [e.process, e.result]));
          const texts = textsFrom ? textsFrom.select(upstream[textsFrom.step]!) : node.step.texts;
          const ctx: ProcessContext = { client: settings.client, texts, upstream, fast: settings.fast, call: stepCall(settings.call, process.id) };
          const { cache } = settings;
          // The key hashes every text and upstream result: only worth it with a cache.
          const key = cache ? stableHash([process.kind, process.params(), hashTexts(texts), deps.map((e) => [e.process, e.result.raw])]) : '';
          const started = now();
          const end = (raw: unknown, cached: boolean): AnalysisEvent => ({
            ...tag,
            phase: 'end',
            result: process.wrap(raw, ctx),
            cached,
            elapsedMs: now() - started,
          });
          // A hit is checked with the result schema: a bad entry is a miss, never trusted markup.
          const lookup$ = cache ? safely(() => cache.get(key)).pipe(map((hit) => cachedResult(process.kind, hit))) : of(undefined);
          const body$ = lookup$.pipe(
            switchMap((hit) =>
              hit !== undefined
                ? of(end(hit, true))
                : defer(() => process.run(ctx)).pipe(
                    mergeMap((em) =>
                      em.type === 'status'
                        ? of<AnalysisEvent>({ ...tag, ...statusFields(em), phase: 'status' })
                        : em.type === 'progress'
                          ? of<AnalysisEvent>({ ...tag, ...statusFields(em), phase: 'progress' })
                          : (cache ? safely(() => cache.set(key, em.data)) : of(undefined)).pipe(map(() => end(em.data, false))),
                    ),
                  ),
            ),
          );
          return concat(of<AnalysisEvent>({ ...tag, phase: 'start' }), body$);
        }),
        catchError((error: unknown) => concat(of<AnalysisEvent>({ ...tag, phase: 'error', error }), throwError(() => error))),
        share({ connector: () => new ReplaySubject<AnalysisEvent>(), resetOnError: true, resetOnComplete: false, resetOnRefCountZero: true }),
      );
      streams.set(node.id, stream);
    }
    return merge(...streams.values());
  });
}

/** A cache that throws or rejects is a miss, never a failed analysis. */
function safely<T>(op: () => T | Promise<T>): Observable<T | undefined> {
  return defer(() => from(Promise.resolve().then(op))).pipe(catchError(() => of(undefined)));
}

/** A status emission's fields, without its `type`. */
function statusFields<E extends Extract<ProcessEmission<unknown>, { type: 'status' | 'progress' }>>({ type: _type, ...fields }: E) {
  return fields;
}
