import { defer, switchMap, type Observable } from 'rxjs';
import type { AnalysisDone, AnalysisEvent, RunMonitor } from '../analysis/AnalysisEvent';
import { collectResults, withResults } from '../analysis/collectResults';
import type { AnalysisResults, ResultMap } from '../analysis/AnalysisResults';
import { cacheOption, type ResultCache } from '../analysis/cache';
import { toMermaid } from '../analysis/graph';
import { checkDataset, withClient } from '../analysis/inputs';
import { checkOptionKeys, type Process, type ProcessKind } from '../analysis/Process';
import { Cluster, CLUSTER_OPTION_KEYS, type ClusterOptions } from '../analysis/processes/Cluster';
import { DataDictionary, DATA_DICTIONARY_OPTION_KEYS, type DataDictionaryOptions } from '../analysis/processes/DataDictionary';
import { Embeddings, EMBEDDINGS_OPTION_KEYS, type EmbeddingsOptions } from '../analysis/processes/Embeddings';
import { SentimentProcess, SENTIMENT_OPTION_KEYS, type SentimentOptions } from '../analysis/processes/SentimentProcess';
import { Similarity, SIMILARITY_OPTION_KEYS, type SimilarityOptions } from '../analysis/processes/Similarity';
import { Summary, SUMMARY_OPTION_KEYS, type SummaryOptions } from '../analysis/processes/Summary';
import { ThemeAllocation, THEME_ALLOCATION_OPTION_KEYS, type ThemeAllocationOptions } from '../analysis/processes/ThemeAllocation';
import { ThemeExtraction, THEME_EXTRACTION_OPTION_KEYS, type ThemeExtractionOptions } from '../analysis/processes/ThemeExtraction';
import { ThemeGeneration, THEME_GENERATION_OPTION_KEYS, type ThemeGenerationOptions } from '../analysis/processes/ThemeGeneration';
import type { AnalysisResult } from '../analysis/results/AnalysisResult';
import type { ClusterResult } from '../analysis/results/ClusterResult';
import type { DataDictionaryResult } from '../analysis/results/DataDictionaryResult';
import type { EmbeddingsResult } from '../analysis/results/EmbeddingsResult';
import type { ExtractionResult } from '../analysis/results/ExtractionResult';
import type { SentimentResult } from '../analysis/results/SentimentResult';
import type { SimilarityResult } from '../analysis/results/SimilarityResult';
import type { SummaryResult } from '../analysis/results/SummaryResult';
import type { ThemeAllocationResult } from '../analysis/results/ThemeAllocationResult';
import type { ThemeGenerationResult } from '../analysis/results/ThemeGenerationResult';
import { runProcesses } from '../analysis/runProcesses';
import type { BudgetConfig, CallOptions, RunOptions } from '../client/CallOptions';
import { checkRunBudget } from '../analysis/checkRunBudget';
import { PulseClient } from '../client/PulseClient';
import { checkOptions } from '../http/checkOptions';
import { WorkflowRunOptionsSchema } from '../schemas/options';
import { PulseValidationError } from '../errors';
import type { WorkflowStepSpec } from './WorkflowSpec';
import { readDescription, type WorkflowLoadOptions } from './readDescription';
import { claimName } from './orderedSteps';
import { checkStepSource, checkStepSourceKeys, selectTexts, type StepSource } from './StepSource';
import type { FastMode } from '../schemas/common';

/** Where a step reads its texts and what its result is called. */
export interface StepOptions<N extends string> {
  /**
   * The result's name (unique in the workflow). @default the kind (`sentiment`); a second
   * unnamed step of a kind gets `sentiment_2`, and so on
   */
  name?: N;
  /**
   * What it analyses: a source's name, or another step's output (`{ step }`, optionally one
   * `cluster` or `theme` of it). @default the only source, when there is one
   */
  source?: string | StepSource;
}

export type { WorkflowLoadOptions } from './readDescription';

/** How a workflow runs. */
export interface WorkflowRunOptions extends Pick<CallOptions, 'signal' | 'timeoutMs' | 'concurrency'> {
  /** @default PulseClient.fromEnv(), created per run and closed after it */
  client?: PulseClient;
  /** Results of earlier runs (a `ResultCache`); `false`: none. @default none */
  cache?: ResultCache | false;
  /** @default 'auto' */
  fast?: FastMode;
  /** Called with every step event (start, status, progress, end, error) as the run goes. */
  onEvent?: (event: AnalysisEvent) => void;
  /**
   * The whole run's cost ceiling: every step is estimated before the first starts; over
   * `maxCredits` the run fails with `BudgetExceededError` and submits nothing. @default no budget
   */
  budget?: BudgetConfig;
  /** A resumable run: each step's parts are recorded under `<id>/<step name>` (see `CallOptions.run`). */
  run?: RunOptions;
  /** Run start and end, each step's start and end, with timings (also on the `end` and `done` events). */
  monitor?: RunMonitor;
}

/** A step of the graph (`graph()`). */
export interface WorkflowNode {
  id: string;
  kind: ProcessKind;
  source: string;
  dependsOn: string[];
  params: Record<string, unknown>;
}

/** The workflow's DAG: sources, steps with their dependencies, and a Mermaid chart. */
export interface WorkflowGraph {
  sources: string[];
  nodes: WorkflowNode[];
  mermaid: string;
}

type AnyProcess = Process<unknown, AnalysisResult<unknown>>;
type Keys = Readonly<Record<string, true>>;
type With<R, N extends string, T extends AnalysisResult<unknown>> = Workflow<R & { [K in N]: T }>;

/**
 * A pipeline of named steps over named sources, checked as it is built (unknown
 * sources, duplicate names, missing themes fail at once, naming the step) and run as a
 * dependency graph: independent steps at the same time.
 *
 * @example
 * const workflow = new Workflow()
 *   .source('reviews', reviews)
 *   .themeGeneration({ minThemes: 2, maxThemes: 4 })
 *   .sentiment()
 *   .themeAllocation();
 * const results = await firstValueFrom(workflow.run(client));
 * results.get('sentiment').summary();
 */
export class Workflow<R extends ResultMap = Record<never, never>> {
  private readonly sources = new Map<string, readonly string[]>();
  private readonly steps: Array<{ process: AnyProcess; source: string | StepSource }> = [];

  /**
   * A workflow from a pipeline description (an object or JSON text), validated: bad
   * shapes, unknown sources and steps, duplicate names and cycles fail here, naming the step.
   * Also reads the Python SDK's format (`{ pipeline: [{ theme_generation: { min_themes: 2 } }] }`)
   * over `options.dataset` (its source is named `dataset`).
   *
   * @example
   * const workflow = Workflow.fromJSON({ sources: { reviews }, steps: [{ type: 'sentiment' }] });
   * const same = Workflow.fromJSON({ pipeline: [{ sentiment: {} }] }, { dataset: reviews });
   */
  static fromJSON(spec: unknown, options: WorkflowLoadOptions = {}): Workflow<ResultMap> {
    const { sources, steps } = readDescription(spec, options);
    const workflow = emptyWorkflow();
    for (const [source, data] of Object.entries(sources)) workflow.source(source, data);
    for (const step of steps) workflow.addSpec(step);
    return workflow as Workflow<ResultMap>;
  }

  /** Adds a named list of texts. */
  source(name: string, data: readonly string[]): this {
    if (typeof name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/.test(name)) {
      throw new PulseValidationError('source.name', 'must be 1-64 letters, digits, _ or -, starting with a letter or _');
    }
    this.claim(name, 'source');
    this.sources.set(name, checkDataset(`${name}.data`, data));
    return this;
  }

  /** Adds a theme generation step (result: `ThemeGenerationResult`). */
  themeGeneration<N extends string = 'themeGeneration'>(options: ThemeGenerationOptions & StepOptions<N> = {}): With<R, N, ThemeGenerationResult> {
    return this.step(options, 'themeGeneration', THEME_GENERATION_OPTION_KEYS, (o) => new ThemeGeneration(o));
  }

  /** Adds a sentiment step (result: `SentimentResult`). */
  sentiment<N extends string = 'sentiment'>(options: SentimentOptions & StepOptions<N> = {}): With<R, N, SentimentResult> {
    return this.step(options, 'sentiment', SENTIMENT_OPTION_KEYS, (o) => new SentimentProcess(o));
  }

  /**
   * Adds a theme allocation step (result: `ThemeAllocationResult`). Without `themes`, it
   * uses `themesFrom`, else the workflow's only theme generation step, else a theme
   * generation on its source that it adds itself (as the Python SDK does).
   */
  themeAllocation<N extends string = 'themeAllocation'>(options: ThemeAllocationOptions & StepOptions<N> = {}): With<R, N, ThemeAllocationResult> {
    return this.step(options, 'themeAllocation', THEME_ALLOCATION_OPTION_KEYS, (o, source) => new ThemeAllocation(this.withThemes(o, source)));
  }

  /** Adds a theme extraction step (result: `ExtractionResult`); themes as for `themeAllocation`. */
  themeExtraction<N extends string = 'themeExtraction'>(options: ThemeExtractionOptions & StepOptions<N> = {}): With<R, N, ExtractionResult> {
    return this.step(options, 'themeExtraction', THEME_EXTRACTION_OPTION_KEYS, (o, source) => new ThemeExtraction(this.withThemes(o, source)));
  }

  /** Adds a similarity step (result: `SimilarityResult`): of its texts, or of `setA` × `setB`. */
  similarity<N extends string = 'similarity'>(options: SimilarityOptions & StepOptions<N> = {}): With<R, N, SimilarityResult> {
    return this.step(options, 'similarity', SIMILARITY_OPTION_KEYS, (o) => new Similarity(o));
  }

  /** Adds a clustering step (result: `ClusterResult`). */
  cluster<N extends string = 'cluster'>(options: ClusterOptions & StepOptions<N> = {}): With<R, N, ClusterResult> {
    return this.step(options, 'cluster', CLUSTER_OPTION_KEYS, (o) => new Cluster(o));
  }

  /** Adds a summary step (result: `SummaryResult`). */
  summary<N extends string = 'summary'>(options: SummaryOptions & StepOptions<N> = {}): With<R, N, SummaryResult> {
    return this.step(options, 'summary', SUMMARY_OPTION_KEYS, (o) => new Summary(o));
  }

  /** Adds a data dictionary step (result: `DataDictionaryResult`). */
  dataDictionary<N extends string = 'dataDictionary'>(options: DataDictionaryOptions & StepOptions<N> = {}): With<R, N, DataDictionaryResult> {
    return this.step(options, 'dataDictionary', DATA_DICTIONARY_OPTION_KEYS, (o) => new DataDictionary(o));
  }

  /** Adds an embeddings step (result: `EmbeddingsResult`, named `embeddings` by default). */
  createEmbeddings<N extends string = 'embeddings'>(options: EmbeddingsOptions & StepOptions<N> = {}): With<R, N, EmbeddingsResult> {
    return this.step(options, 'embeddings', EMBEDDINGS_OPTION_KEYS, (o) => new Embeddings(o));
  }

  /**
   * Every step's `start`, job `status`, `end` (with its result) and `error`, then one
   * `done` event with all the results by step name: progress and results from one execution.
   *
   * @example
   * workflow.events(client).subscribe((e) => (e.phase === 'done' ? show(e.results) : console.log(e.process, e.phase)));
   */
  events(clientOrOptions?: PulseClient | WorkflowRunOptions): Observable<AnalysisEvent | AnalysisDone<R>> {
    const options = clientOrOptions instanceof PulseClient ? { client: clientOrOptions } : (clientOrOptions ?? {});
    const { client, fast = 'auto', signal, timeoutMs, concurrency, onEvent, monitor, run } = options;
    const steps = this.planned();
    const results = withResults<R>(onEvent, monitor, steps.map((s) => s.process.id));
    return defer(() => {
      // Bad run options (a NaN timeout, a fake signal) error the stream, naming the option.
      checkOptions(WorkflowRunOptionsSchema, options, 'options');
      const call = { signal, timeoutMs, concurrency, run };
      const cache = cacheOption(options.cache);
      const execute = (c: PulseClient) =>
        checkRunBudget(c, steps, options.budget).pipe(switchMap(() => runProcesses(steps, { client: c, cache, fast, call })));
      return withClient(client, (c) => execute(c).pipe(results));
    });
  }

  /**
   * All results by step name, once every step has ended: one value, then complete; the
   * `done` event of `events()`, whose step events `onEvent` sees as they come.
   *
   * @example
   * const results = await firstValueFrom(workflow.run({ client, onEvent: (e) => console.log(e.process, e.phase) }));
   */
  run(clientOrOptions?: PulseClient | WorkflowRunOptions): Observable<AnalysisResults<R>> {
    return collectResults<R>(this.events(clientOrOptions));
  }

  /** The DAG: sources, steps with their dependencies, and a Mermaid chart of it. */
  graph(): WorkflowGraph {
    const nodes = this.steps.map(({ process, source }) => ({
      id: process.id,
      kind: process.kind,
      source: typeof source === 'string' ? source : source.step,
      dependsOn: process.dependsOn(),
      params: process.params(),
    }));
    const withSources = nodes.map((n) => ({ ...n, dependsOn: [n.source, ...n.dependsOn] }));
    return { sources: [...this.sources.keys()], nodes, mermaid: toMermaid(withSources, [...this.sources.keys()]) };
  }

  private addSpec(spec: WorkflowStepSpec): void {
    const { type, ...rest } = spec;
    const { extractionType, ...options } = rest as typeof rest & { extractionType?: string };
    (this[type] as (o: object) => unknown).call(this, extractionType === undefined ? options : { ...options, type: extractionType });
  }

  private planned() {
    if (this.steps.length === 0) throw new PulseValidationError('steps', 'the workflow has no steps');
    return this.steps.map(({ process, source }) =>
      typeof source === 'string'
        ? { process, texts: this.sources.get(source)! }
        : { process, texts: [], textsFrom: { step: source.step, select: (r: AnalysisResult<unknown>) => selectTexts(process.id, source, r) } },
    );
  }

  /**
   * Adds the step that `build` makes of its options: checked first (no unknown key; nothing is
   * added when one fails), named (the given name, else the kind, else the kind with the first
   * free number), without its `source`, which is the workflow's to resolve.
   */
  private step<O extends StepOptions<string>, W>(options: O, kind: string, keys: Keys, build: (o: O & { name: string }, source: O['source']) => Process<unknown, AnalysisResult<unknown>>): W {
    if (options === null || typeof options !== 'object') throw new PulseValidationError(kind, 'options must be an object');
    const name = options.name ?? this.freeName(kind);
    const id = typeof name === 'string' ? name : kind;
    const { source, ...rest } = checkOptionKeys(id, options, keys, ['source']);
    checkStepSourceKeys(id, source);
    return this.add(build({ ...rest, name } as O & { name: string }, source), source);
  }

  private add<W>(process: Process<unknown, AnalysisResult<unknown>>, given: string | StepSource | undefined): W {
    const p = process as unknown as AnyProcess;
    const source = given ?? this.defaultSource(p.id);
    if (typeof source === 'object' && source !== null) {
      checkStepSource(p.id, source, this.steps.find((s) => s.process.id === source.step)?.process.kind);
    } else if (!this.sources.has(source)) {
      throw new PulseValidationError(`${p.id}.source`, `'${source}' is not a source of this workflow`);
    }
    for (const dep of p.dependsOn()) {
      const upstream = this.steps.find((s) => s.process.id === dep);
      if (!upstream) throw new PulseValidationError(`${p.id}.themesFrom`, `'${dep}' is not an earlier step of this workflow`);
      if (upstream.process.kind !== 'themeGeneration') throw new PulseValidationError(`${p.id}.themesFrom`, `'${dep}' is not a theme generation step`);
    }
    this.claim(p.id, 'step');
    this.steps.push({ process: p, source });
    return this as unknown as W;
  }

  private withThemes<O extends (ThemeAllocationOptions | ThemeExtractionOptions) & { name: string }>(options: O, source: StepOptions<string>['source']): O {
    if (options.themes !== undefined || options.themesFrom !== undefined || 'dictionary' in options) return options;
    const generators = this.steps.filter((s) => s.process.kind === 'themeGeneration');
    if (generators.length > 1) throw new PulseValidationError(`${options.name}.themesFrom`, `is required: there are ${generators.length} theme generation steps`);
    if (generators.length === 1) return { ...options, themesFrom: generators[0]!.process.id };
    // None yet: generate the themes from the step's own texts first.
    const name = this.freeName('themeGeneration');
    this.themeGeneration({ name, source });
    return { ...options, themesFrom: name };
  }

  private freeName(kind: string): string {
    return claimName(kind, new Set([...this.sources.keys(), ...this.steps.map((s) => s.process.id)]));
  }

  private defaultSource(step: string): string {
    if (this.sources.size === 1) return this.sources.keys().next().value!;
    throw new PulseValidationError(`${step}.source`, this.sources.size === 0 ? 'needs a source: call source(name, texts) first' : 'is required when there are several sources');
  }

  private claim(name: string, what: string): void {
    if (this.sources.has(name) || this.steps.some((s) => s.process.id === name)) {
      throw new PulseValidationError(`${name}.name`, `is already used in this workflow; give this ${what} another name`);
    }
  }
}

/**
 * `new Workflow()` from outside the class body: a class that names itself inside its body is
 * built as `class _Workflow` (the ES modules have no keepNames) and `Workflow.name` would be wrong.
 */
function emptyWorkflow(): Workflow {
  return new Workflow();
}
