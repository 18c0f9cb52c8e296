import type { Observable } from 'rxjs';
import type * as z from 'zod/mini';
import { jobSize } from '../jobs/jobSize';
import type { JobEvent } from '../jobs/JobEvent';
import type { JobKind } from '../schemas/jobs';
import type { JobResult } from '../schemas/resultSchemas';
import type { CallOptions } from './CallOptions';
import type { CallContext } from './callEndpoint';
import type { EndpointDef } from './EndpointDef';
import type { PartRunner } from './splitting/splitCall';

/**
 * How a split call submits and polls its parts through this client: a part is one call of
 * the endpoint (events observed, so a submission is seen the moment it is accepted); a part
 * submitted earlier is polled by its job id, its result checked as the part's own would be.
 *
 * `call` is `callEndpoint` bound to the context and the endpoint (passed in, so that this file
 * and `callEndpoint` do not import each other).
 *
 * @example
 * const runner = partRunner(ctx, def, false, options, (r, o) => callEndpoint(ctx, def, r, o));
 * splitCall(req, plan, runner, options);
 */
export function partRunner<S extends z.ZodMiniType, K extends JobKind>(
  ctx: CallContext,
  def: EndpointDef<S, K>,
  fast: boolean,
  options: Pick<CallOptions, 'timeoutMs' | 'poll' | 'extraBody' | 'extraHeaders' | 'extraQuery' | 'cancelOnUnsubscribe'>,
  call: (request: unknown, options: CallOptions) => Observable<unknown>,
): PartRunner<z.output<S>, JobResult<K>> {
  const { timeoutMs, poll, extraBody, extraHeaders, extraQuery, cancelOnUnsubscribe } = options;
  const base = { timeoutMs, poll, extraBody, extraHeaders, extraQuery, cancelOnUnsubscribe };
  return {
    kind: def.kind,
    concurrency: ctx.concurrency,
    submit: (part, _index, idempotencyKey) => {
      const partOptions = { ...base, observe: 'events' as const, idempotencyKey };
      return call({ ...(part as object), fast }, partOptions) as Observable<JobEvent<JobResult<K>>>;
    },
    poll: (part, _index, jobId) => {
      const finalize = (data: JobResult<K>) => (def.finalize ? def.finalize(data, part) : data);
      const pollOptions = { poll: options.poll, size: jobSize(def.toWire(part, fast)) };
      return ctx.jobs.handle({ id: jobId, kind: def.kind }, finalize, pollOptions).events$;
    },
  };
}
