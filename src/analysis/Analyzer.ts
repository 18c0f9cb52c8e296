import { switchMap, type Observable } from 'rxjs';
import type { PulseClient } from '../client/PulseClient';
import type { BudgetConfig, CallOptions, RunOptions } from '../client/CallOptions';
import { checkRunBudget } from './checkRunBudget';
import { checkOptions } from '../http/checkOptions';
import { AnalyzerOptionsSchema, AnalyzerRunOptionsSchema } from '../schemas/options';
import { PulseValidationError } from '../errors';
import type { FastMode } from '../schemas/common';
import type { AnalysisDone, AnalysisEvent, RunMonitor } from './AnalysisEvent';
import type { AnalysisResults } from './AnalysisResults';
import { collectResults, withResults } from './collectResults';
import { cacheOption, type ResultCache } from './cache';
import { topoSort } from './graph';
import { checkDataset, withClient } from './inputs';
import { Process } from './Process';
import { ThemeGeneration } from './processes/ThemeGeneration';
import type { AnalysisResult } from './results/AnalysisResult';
import { runProcesses } from './runProcesses';

/** Options of an `Analyzer`. */
export interface AnalyzerOptions extends Pick<CallOptions, 'signal' | 'timeoutMs' | 'concurrency'> {
  /**
   * A resumable run: each step's call records its parts under `<id>/<step name>`, so the same
   * id after a crash resubmits nothing that was submitted (see `CallOptions.run`).
   */
  run?: RunOptions;
  /** The texts every process analyses. */
  dataset: readonly string[];
  processes: ReadonlyArray<Process<unknown, AnalysisResult<unknown>>>;
  /** @default PulseClient.fromEnv(), created per run and closed after it */
  client?: PulseClient;
  /** Results of earlier runs, keyed by dataset, parameters and upstream results; `false`: none. @default none */
  cache?: ResultCache | false;
  /** @default 'auto' */
  fast?: FastMode;
  /**
   * The whole run's cost ceiling: every step is estimated (`estimateUsage`) before the first
   * starts, and the run fails with `BudgetExceededError` when the sum is over `maxCredits`.
   * @default no budget
   */
  budget?: BudgetConfig;
  /** Run start and end, each step's start and end, with timings (also on the `end` and `done` events). */
  monitor?: RunMonitor;
}

/**
 * Runs several processes over one dataset as a dependency graph: independent processes
 * at the same time, dependent ones in order; a ThemeAllocation or ThemeExtraction
 * without themes gets a ThemeGeneration inserted when none is given. Everything is
 * checked when the Analyzer is built; nothing runs until `run()` is subscribed.
 *
 * @example
 * const analyzer = new Analyzer({
 *   dataset: reviews,
 *   processes: [new ThemeGeneration({ minThemes: 2, maxThemes: 4 }), new SentimentProcess(), new ThemeAllocation()],
 *   client,
 * });
 * const results = await firstValueFrom(analyzer.run({ onEvent: (e) => console.log(e.process, e.phase) }));
 * results.themeAllocation!.assignSingle();
 */
export class Analyzer {
  /** The processes that run, dependencies first (inserted ones included). */
  readonly processes: ReadonlyArray<Process<unknown, AnalysisResult<unknown>>>;
  readonly dataset: readonly string[];

  constructor(private readonly options: AnalyzerOptions) {
    if (options === null || typeof options !== 'object') throw new PulseValidationError('options', 'must be an object');
    // signal, timeoutMs, concurrency, fast, budget and run by their rules; no unknown key.
    checkOptions(AnalyzerOptionsSchema, options, '');
    this.dataset = checkDataset('dataset', options.dataset);
    cacheOption(options.cache);
    if (!Array.isArray(options.processes) || options.processes.length === 0) {
      throw new PulseValidationError('processes', 'must be a non-empty array of processes');
    }
    const processes = options.processes.map((p, i) => {
      if (!(p instanceof Process)) throw new PulseValidationError(`processes[${i}]`, 'must be a process (e.g. new SentimentProcess())');
      return p as unknown as Process<unknown, AnalysisResult<unknown>>;
    });
    const ids = new Set<string>();
    for (const p of processes) {
      if (ids.has(p.id)) throw new PulseValidationError(`${p.id}.name`, `is used by two processes; give one a different name`);
      ids.add(p.id);
    }
    if (processes.some((p) => p.dependsOn().includes('themeGeneration')) && !ids.has('themeGeneration')) {
      processes.unshift(new ThemeGeneration() as unknown as Process<unknown, AnalysisResult<unknown>>);
    }
    this.processes = topoSort(processes.map((p) => ({ id: p.id, kind: p.kind, dependsOn: p.dependsOn(), p }))).map((n) => n.p);
  }

  /**
   * Every step's `start`, job `status`, `end` (with its result) and `error`, then one
   * `done` event with all the results: progress and results from one execution.
   *
   * @example
   * analyzer.events().subscribe((e) => (e.phase === 'done' ? show(e.results) : console.log(e.process, e.phase)));
   */
  events(): Observable<AnalysisEvent | AnalysisDone> {
    return this.execute();
  }

  /**
   * All results, once every process has ended: one value, then complete. `onEvent` sees
   * every step event of this same execution (nothing runs twice).
   *
   * @example
   * const results = await firstValueFrom(analyzer.run({ onEvent: (e) => console.log(e.process, e.phase) }));
   */
  run(options: AnalyzerRunOptions = {}): Observable<AnalysisResults> {
    return collectResults(this.execute(checkOptions(AnalyzerRunOptionsSchema, options, '').onEvent));
  }

  private execute(onEvent?: (event: AnalysisEvent) => void): Observable<AnalysisEvent | AnalysisDone> {
    const { client, fast = 'auto', signal, timeoutMs, concurrency, run } = this.options;
    const cache = cacheOption(this.options.cache);
    const steps = this.processes.map((process) => ({ process, texts: this.dataset }));
    const results = withResults(onEvent, this.options.monitor, this.processes.map((p) => p.id));
    const call = { signal, timeoutMs, concurrency, run };
    const execute = (c: PulseClient) =>
      checkRunBudget(c, steps, this.options.budget).pipe(switchMap(() => runProcesses(steps, { client: c, cache, fast, call })));
    return withClient(client, (c) => execute(c).pipe(results));
  }
}

/** Options of `Analyzer.run()`. */
export interface AnalyzerRunOptions {
  /** Called with every step event (start, status, end, error) as the run goes. */
  onEvent?: (event: AnalysisEvent) => void;
}

