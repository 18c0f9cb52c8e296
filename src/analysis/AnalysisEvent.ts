import type { JobPart, JobProgressEvent } from '../jobs/JobEvent';
import type { JobStatusValue } from '../schemas/jobs';
import type { AnalysisResults, ResultMap } from './AnalysisResults';
import type { ProcessKind } from './Process';
import type { AnalysisResult } from './results/AnalysisResult';

/** Progress of an Analyzer or Workflow, one step at a time. */
export type AnalysisEvent =
  /** The step's inputs are ready and it starts (or is looked up in the cache). */
  | { process: string; kind: ProcessKind; phase: 'start' }
  /** A job status of the step's request (of one of its parts, `{ part, of }`, when the client split it). */
  | ({ process: string; kind: ProcessKind; phase: 'status'; status: JobStatusValue; jobId: string } & JobPart)
  /** A part of the step's split call finished: `done` of `total` input items, `partsDone` of `partsTotal` parts. */
  | ({ process: string; kind: ProcessKind; phase: 'progress' } & Omit<JobProgressEvent, 'type'>)
  /** The step's result; `cached` when it came from the cache and nothing was sent; `elapsedMs` since its start. */
  | { process: string; kind: ProcessKind; phase: 'end'; result: AnalysisResult<unknown>; cached: boolean; elapsedMs: number }
  /** The step failed; the stream errors with `error` right after. */
  | { process: string; kind: ProcessKind; phase: 'error'; error: unknown };

/**
 * The last event of an Analyzer's or Workflow's `events()`: every step's result, by name.
 *
 * @example
 * analyzer.events().subscribe((e) => (e.phase === 'done' ? show(e.results) : log(e.process, e.phase)));
 */
export interface AnalysisDone<R extends ResultMap = ResultMap> {
  phase: 'done';
  results: AnalysisResults<R>;
  /** The whole run's time, from subscription to the last step's end, in ms. */
  elapsedMs: number;
  /** Each step's time from its start to its end, in ms, by name. */
  timings: Record<string, number>;
}

/**
 * A run-level monitor (the Python SDK's): told when the run starts, as each step starts
 * and ends (with its time) and when the run ends (with every step's time). Its callbacks
 * see the same execution as `events()`; a callback that throws fails the run.
 *
 * @example
 * workflow.run({ client, monitor: { stepEnd: (e) => console.log(e.process, e.elapsedMs), runEnd: (d) => console.log(d.elapsedMs) } });
 */
export interface RunMonitor {
  /** Before any step starts. */
  runStart?(info: { steps: string[] }): void;
  /** When a step's inputs are ready and it starts. */
  stepStart?(event: Extract<AnalysisEvent, { phase: 'start' }>): void;
  /** When a step has its result, with its time (`elapsedMs`). */
  stepEnd?(event: Extract<AnalysisEvent, { phase: 'end' }>): void;
  /** After the last step's end, with the run's `done` event (its `elapsedMs` and `timings`). */
  runEnd?(done: AnalysisDone): void;
}
