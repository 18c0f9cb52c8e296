import { filter, map, type Observable } from 'rxjs';
import type { PulseClient } from '../client/PulseClient';
import type { CallOptions } from '../client/CallOptions';
import { PulseValidationError } from '../errors';
import { checkOptions } from '../http/checkOptions';
import type { JobEvent, JobPart, JobProgressEvent, JobStatusEvent } from '../jobs/JobEvent';
import type { Job } from '../jobs/Job';
import { mapJob } from '../jobs/mapJob';
import { FastModeSchema, ProviderSpecSchema, type FastMode, type ProviderSpec } from '../schemas/common';
import type { JobStatusValue } from '../schemas/jobs';
import type { AnalysisResult } from './results/AnalysisResult';
import { brand, isBranded } from '../brand';
import { checkedElsewhere, optionsObject } from '../schemas/optionsObject';

/** What a running process emits: job statuses (with `{ part, of }` on a split call), then its raw result. */
export type ProcessEmission<Raw> =
  | ({ type: 'status'; status: JobStatusValue; jobId: string } & JobPart)
  | JobProgressEvent
  | { type: 'result'; data: Raw };

/** What a process sees when it runs. */
export interface ProcessContext {
  client: PulseClient;
  /** The texts it analyses (the dataset, or the step's source). */
  texts: readonly string[];
  /** Results of the processes it depends on, by id. */
  upstream: Readonly<Record<string, AnalysisResult<unknown>>>;
  fast: FastMode;
  /** Per-call options passed to every request (signal, timeoutMs, concurrency; `run` keyed by step). */
  call: Pick<CallOptions, 'signal' | 'timeoutMs' | 'concurrency' | 'run'>;
}

/** The kinds of process, also the default ids (names) of their results. */
export type ProcessKind =
  | 'themeGeneration'
  | 'sentiment'
  | 'themeAllocation'
  | 'themeExtraction'
  | 'similarity'
  | 'cluster'
  | 'summary'
  | 'dataDictionary'
  | 'embeddings';

/** Options every process takes. */
export interface ProcessOptions {
  /** Id of the result (unique within an Analyzer or Workflow). @default the kind, e.g. 'sentiment' */
  name?: string;
  /** This step's processing mode, over the run's `fast`. @default the run's (itself 'auto' by default) */
  fast?: FastMode;
}

/** The `provider` option of the processes whose endpoint takes one (its `auth` never reaches a label or key). */
export interface ProviderOptions {
  /** Override of the model provider (sent as is; only `type` and `endpoint` enter the cache key). */
  provider?: ProviderSpec;
}

/**
 * A process's option keys besides `name` and `fast`, as `{ key: true }`: the compiler holds
 * the list to the options type both ways (a key missing or extra does not compile).
 *
 * @example
 * const KEYS: OptionKeys<ClusterOptions> = { k: true, algorithm: true };
 */
export type OptionKeys<O> = Readonly<Record<Exclude<keyof O, keyof ProcessOptions>, true>>;

/**
 * Fails on a key a process's options do not have, naming it under the step's id with the
 * closest known key: `sentiment.fastt: unknown option; did you mean fast?`. `stepKeys` are
 * the keys a Workflow step adds (`source`); given to a process elsewhere, `source` would be
 * ignored, so it fails, saying so. Returns the options' own-property copy.
 */
export function checkOptionKeys<O extends object>(id: string, options: O, keys: Readonly<Record<string, true>>, stepKeys: readonly string[] = []): O {
  if (!stepKeys.includes('source') && Object.prototype.hasOwnProperty.call(options, 'source')) {
    throw new PulseValidationError(`${id}.source`, "is a Workflow step's option: the processes of an Analyzer all read its dataset");
  }
  return checkOptions(optionsObject(checkedElsewhere('name', 'fast', ...Object.keys(keys), ...stepKeys)), options, id);
}

const NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;

/**
 * One analysis step: declares its parameters and dependencies, runs against a client and
 * wraps its raw (JSON) result into a result object. Analyzer and Workflow run processes
 * as a dependency graph; starters run one.
 */
export abstract class Process<Raw = unknown, Result extends AnalysisResult<Raw> = AnalysisResult<Raw>> {
  /** `instanceof` by brand, so it holds across copies of the library (ESM and CommonJS). */
  static [Symbol.hasInstance]<T>(this: { prototype: T }, value: unknown): value is T {
    return isBranded(this, value);
  }
  abstract readonly kind: ProcessKind;
  /** The result's id. */
  readonly id: string;

  /**
   * Checks what every process takes (`name`, `fast`, `provider`) and, given `keys` (the
   * other keys of the subclass's options), that there is no other key. A subclass without
   * `keys` checks unknown keys itself.
   */
  protected constructor(kind: ProcessKind, options: ProcessOptions | undefined, keys?: Readonly<Record<string, true>>) {
    if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) {
      throw new PulseValidationError(kind, 'options must be an object');
    }
    const name = options?.name ?? kind;
    if (typeof name !== 'string' || !NAME.test(name)) {
      throw new PulseValidationError(`${kind}.name`, 'must be 1-64 letters, digits, _ or -, starting with a letter or _', {
        value: typeof name,
      });
    }
    this.id = name;
    // A typo is the likely cause of any other problem (`setb` makes `setB` look missing): first.
    if (options !== undefined && keys !== undefined) checkOptionKeys(name, options, keys);
    const fast = (options as { fast?: unknown } | undefined)?.fast;
    if (fast !== undefined && !FastModeSchema.safeParse(fast).success) {
      throw new PulseValidationError(`${name}.fast`, "must be true, false or 'auto'", { value: typeof fast });
    }
    this.stepFast = fast as FastMode | undefined;
    const provider = (options as ProviderOptions | undefined)?.provider;
    if (provider !== undefined && !ProviderSpecSchema.safeParse(provider).success) {
      throw new PulseValidationError(`${name}.provider`, 'must be { type, auth, endpoint? } (type: a non-empty string)');
    }
  }

  /** The step's own `fast`, when it has one. */
  private readonly stepFast: FastMode | undefined;

  /** The mode this step runs in: its own `fast`, else the run's. */
  protected fastIn(ctx: Pick<ProcessContext, 'fast'>): FastMode {
    return this.stepFast ?? ctx.fast;
  }

  /** Ids of the processes whose results this one needs. */
  dependsOn(): string[] {
    return [];
  }

  /** The parameters (plain JSON): part of the cache key and of the graph's labels. */
  abstract params(): Record<string, unknown>;

  /**
   * Runs against the client: job statuses, then one `result` with the raw answer. By
   * default, `send` with `observe: 'events'`.
   */
  run(ctx: ProcessContext): Observable<ProcessEmission<Raw>> {
    const events$ = this.sendOrFail(ctx, { ...ctx.call, observe: 'events' }) as Observable<JobEvent<unknown>>;
    return tracked(events$).pipe(map((e) => (e.type === 'result' ? { type: 'result', data: this.fromWire(e.data, ctx) } : e)));
  }

  /**
   * Submits the step's request and emits its job handle (`awaitJobResult: false`), whose
   * result is the raw answer (`wrap` it for the result object). A synchronous answer
   * gives a handle whose result is already there.
   */
  submit(ctx: ProcessContext): Observable<Job<Raw>> {
    return (this.sendOrFail(ctx, { ...ctx.call, awaitJobResult: false }) as Observable<Job<unknown>>).pipe(
      map((job) => mapJob(job, (data) => this.fromWire(data, ctx))),
    );
  }

  /** The step's one client call with these per-call options (what `run` and `submit` use). */
  protected send?(ctx: ProcessContext, options: CallOptions): Observable<unknown>;

  /** The raw answer from the endpoint's answer (the same, unless the step reshapes it). */
  protected fromWire(data: unknown, _ctx: ProcessContext): Raw {
    return data as Raw;
  }

  private sendOrFail(ctx: ProcessContext, options: CallOptions): Observable<unknown> {
    if (!this.send) throw new PulseValidationError(`${this.id}`, 'implements neither send() nor run()');
    return this.send(ctx, options);
  }

  /** The result object of a raw answer (fresh, or from a cache). */
  abstract wrap(raw: Raw, ctx: Pick<ProcessContext, 'texts' | 'upstream'>): Result;

  /** The provider's public part (for params: never its `auth`). */
  protected providerLabel(provider: ProviderSpec | undefined): Record<string, unknown> | undefined {
    return provider && { type: provider.type, endpoint: provider.endpoint };
  }

  /** A validation error naming this step and its field. */
  protected invalid(field: string, problem: string, limit?: string | number): PulseValidationError {
    return new PulseValidationError(`${this.id}.${field}`, problem, { limit });
  }
}
brand(Process, 'Process');

/**
 * A call's job events as process emissions: its job statuses (tagged `{ part, of }` when
 * the client split the call) and `progress` (split calls), then one `result`. Whether and how the call is split is the
 * client's decision alone.
 */
export function tracked<T>(events$: Observable<JobEvent<T>>): Observable<ProcessEmission<T>> {
  return events$.pipe(
    filter((e): e is Extract<JobEvent<T>, { type: 'status' | 'progress' | 'result' }> => e.type !== 'submitted'),
    map((e): ProcessEmission<T> => (e.type === 'result' ? { type: 'result', data: e.data } : e.type === 'progress' ? e : statusOf(e))),
  );
}

function statusOf(e: JobStatusEvent): ProcessEmission<never> {
  const part = e.of === undefined ? {} : { part: e.part, of: e.of };
  return { type: 'status', status: e.status, jobId: e.jobId, ...part };
}
