import { concat, defer, Observable, of, retry, switchMap, throwError } from 'rxjs';
import type * as z from 'zod/mini';
import { JobFailedError, PulseValidationError } from '../errors';
import { newIdempotencyKey, type HttpTransport } from '../http/HttpTransport';
import { parseWith } from '../http/parseWith';
import { Job } from '../jobs/Job';
import { jobSize } from '../jobs/jobSize';
import type { JobEvent } from '../jobs/JobEvent';
import type { Jobs } from '../jobs/Jobs';
import { JobSubmissionSchema, type JobKind } from '../schemas/jobs';
import { resultSchemas, type JobResult } from '../schemas/resultSchemas';
import type { CallOptions } from './CallOptions';
import type { AbortLike } from '../http/Closer';
import { splitCall } from './splitting/splitCall';
import { partRunner } from './partRunner';
import { runBatches } from './splitting/runBatches';
import type { EndpointDef, ValidationSettings } from './EndpointDef';
import { checkOptions } from '../http/checkOptions';
import { CallOptionsSchema } from '../schemas/options';
import { checkShape } from './validate';
import { checkBudget, estimateRequestFor } from './checkBudget';
import { estimateUsage } from './endpoints/system';
import type { UsageEstimateRequest } from '../schemas/usage';
import { withSignal } from './withSignal';

/** What endpoint calls share: the transport, the jobs resource and the validation settings. */
export interface CallContext {
  transport: HttpTransport;
  jobs: Jobs;
  settings: ValidationSettings;
  /** Aborted by `client.close()`. */
  closed: AbortLike;
  /** Default batches in flight. */
  concurrency: number;
  /** Resubmissions of a job that failed (`resubmitFailedJobs`). */
  resubmitFailedJobs: number;
}

/**
 * One analysis call as a cold Observable: validate (no request on failure), pick the mode,
 * submit, then emit the result, the job handle or the event stream as the options say.
 */
export function callEndpoint<S extends z.ZodMiniType, K extends JobKind>(
  ctx: CallContext,
  def: EndpointDef<S, K>,
  request: unknown,
  options: CallOptions = {},
): Observable<unknown> {
  return defer(() => {
    // Options first (own properties, every rule): a bad `signal` is a PulseValidationError too.
    const checked = checkOptions(CallOptionsSchema, options, 'options');
    ctx.jobs.policyFor(checked.poll);
    return withSignal(withSignal(checkedCall(ctx, def, request, checked), checked.signal), ctx.closed, 'client closed');
  });
}

function checkedCall<S extends z.ZodMiniType, K extends JobKind>(
  ctx: CallContext,
  def: EndpointDef<S, K>,
  request: unknown,
  options: CallOptions,
): Observable<unknown> {
  return defer(() => {
    const req = checkShape(def.request, request, 'request') as z.output<S> & { fast?: boolean | 'auto' };
    const fast = resolveFast(def, req, ctx.settings);
    // Validate everything before sending anything, with indexes of the whole input.
    def.validate(req, fast, { ...ctx.settings, unbounded: def.batch !== undefined });
    for (const value of Object.values(options.extraHeaders ?? {})) ctx.transport.secrets.add(value);
    const estimate = (r: UsageEstimateRequest) => estimateUsage(ctx, r, { signal: options.signal, timeoutMs: options.timeoutMs });
    // The budget is the whole call's: asked once, before the first submission, never per part.
    return checkBudget(options.budget, estimate, estimateRequestFor(def.kind, req)).pipe(
      switchMap(() => submit(ctx, def, req, fast, options)),
    );
  });
}

/** A checked request, within budget: submit it whole or in parts, shaped as the options ask. */
function submit<S extends z.ZodMiniType, K extends JobKind>(
  ctx: CallContext,
  def: EndpointDef<S, K>,
  req: z.output<S>,
  fast: boolean,
  options: CallOptions,
): Observable<unknown> {
  return defer(() => {
    const plan = def.batch?.(req, fast);
    const { extraBody, extraHeaders, extraQuery, cancelOnUnsubscribe } = options;
    const partOptions = { timeoutMs: options.timeoutMs, poll: options.poll, extraBody, extraHeaders, extraQuery, cancelOnUnsubscribe };
    const callPart = (part: unknown) => callEndpoint(ctx, def, { ...(part as object), fast }, partOptions);
    if (runsAsParts(options, plan !== undefined)) {
      if (options.awaitJobResult === false && options.observe !== 'events' && fast) {
        throw new PulseValidationError('options.awaitJobResult', 'a split synchronous call (fast: true) has no jobs to hand back');
      }
      const runner = partRunner(ctx, def, fast, partOptions, (part, o) => callEndpoint(ctx, def, part, o));
      return splitCall(req, plan ?? { parts: [req], merge: ([only]) => only! }, runner, options);
    }
    if (plan || options.settle) {
      const body = (part: unknown) => callPart(part) as Observable<JobResult<K>>;
      return runBatches(plan?.parts ?? [req], plan?.merge, options, ctx.concurrency, body);
    }
    const finalize = (data: JobResult<K>) => (def.finalize ? def.finalize(data, req) : data);
    const body = def.toWire(req, fast);
    const wire = { ...body, ...extraBody };
    const submitAndAwait = (idempotencyKey: string) =>
      ctx.transport
        .send({ method: 'POST', path: def.path, body: wire, headers: extraHeaders, query: extraQuery, idempotencyKey, timeoutMs: options.timeoutMs })
        .pipe(
        switchMap((res) => {
          const submission = res.status === 202 || looksLikeSubmission(res.body) ? parseWith(JobSubmissionSchema, res.body, 'job submission') : undefined;
          if (!submission) {
            const data = finalize(parseWith(resultSchemas[def.kind], res.body, def.kind) as JobResult<K>);
            return immediate(def.kind, data, options);
          }
          const pollOptions = { poll: options.poll, size: jobSize(body), cancelOnUnsubscribe: options.cancelOnUnsubscribe };
          const job = ctx.jobs.handle({ id: submission.jobId, kind: def.kind }, finalize, pollOptions);
          if (options.observe === 'events') {
            return concat(of<JobEvent<JobResult<K>>>({ type: 'submitted', jobId: job.id }), job.events$);
          }
          return options.awaitJobResult === false ? of(job) : job.result$;
        }),
      );
    const key = options.idempotencyKey ?? newIdempotencyKey();
    if (ctx.resubmitFailedJobs === 0 || options.awaitJobResult === false) return submitAndAwait(key);
    // A resubmission is a new job: it gets its own idempotency key.
    let resubmissions = 0;
    return defer(() => submitAndAwait(resubmissions === 0 ? key : `${key}.resubmit-${resubmissions}`)).pipe(
      retry({
        count: ctx.resubmitFailedJobs,
        delay: (e: unknown) => {
          if (!(e instanceof JobFailedError)) return throwError(() => e);
          resubmissions++;
          return of(0);
        },
      }),
    );
  });
}

/**
 * Whether the call runs through `splitCall` (parts, progress, handles, run records): a split
 * call that asks for events or a handle, or any call with `run` (a call of one part then).
 */
function runsAsParts(options: CallOptions, split: boolean): boolean {
  if (options.run && options.settle) throw new PulseValidationError('options.run', 'is not available with settle: true');
  if (options.settle) return false;
  return options.run !== undefined || (split && (options.observe === 'events' || options.awaitJobResult === false));
}

/** A synchronous (200) answer, shaped as the options ask. */
function immediate<T>(kind: JobKind, data: T, options: CallOptions): Observable<unknown> {
  const id = (data as { requestId?: string }).requestId ?? 'sync';
  if (options.observe === 'events') return of<JobEvent<T>>({ type: 'result', jobId: id, data });
  if (options.awaitJobResult === false) return of(new Job<T>(id, kind, () => of({ type: 'result', jobId: id, data })));
  return of(data);
}

function resolveFast<S extends z.ZodMiniType, K extends JobKind>(
  def: EndpointDef<S, K>,
  req: z.output<S> & { fast?: boolean | 'auto' },
  settings: ValidationSettings,
): boolean {
  if (def.modes === 'async') {
    if (req.fast === true) throw new PulseValidationError('fast', 'this endpoint only runs as a job (fast: false)');
    return false;
  }
  if (req.fast === 'auto') return def.fitsSync(req, settings);
  return req.fast === true;
}

function looksLikeSubmission(body: unknown): boolean {
  if (!body || typeof body !== 'object') return false;
  const keys = Object.keys(body);
  return keys.length > 0 && keys.every((k) => k === 'job_id' || k === 'jobId' || k === 'status');
}
