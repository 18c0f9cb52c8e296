import type * as z from 'zod/mini';
import { PulseValidationError } from '../errors';
import type { PollOptions } from '../jobs/Jobs';
import type { SplitJob, SplitJobRef } from '../jobs/SplitJob';
import type { JobKind } from '../schemas/jobs';
import { callEndpoint, type CallContext } from './callEndpoint';
import type { EndpointDef } from './EndpointDef';
import * as endpoints from './endpoints';
import { partRunner } from './partRunner';
import { fromShape } from './splitting/requestShape';
import { resumeSplit } from './splitting/splitCall';

type AnyDef = EndpointDef<z.ZodMiniType, JobKind>;

function defOf(kind: string): AnyDef | undefined {
  const defs = Object.values(endpoints as unknown as Record<string, unknown>);
  const isDef = (d: unknown): d is AnyDef => typeof d === 'object' && d !== null && 'path' in d && 'kind' in d;
  return defs.find((d): d is AnyDef => isDef(d) && d.kind === kind);
}

/**
 * Continues a split call's handle from its reference (`client.jobs.resume(json)`): the
 * request's shape plans the same parts and stitching; every part's job is polled, none is
 * submitted.
 *
 * @example
 * const job = resumeSplitJob(ctx, JSON.parse(readFileSync('job.json', 'utf8')), {});
 */
export function resumeSplitJob(ctx: CallContext, ref: SplitJobRef, options: PollOptions): SplitJob<unknown> {
  const def = defOf(ref.kind);
  if (!def) throw new PulseValidationError('ref.kind', `is not a kind of call this client splits: ${String(ref.kind)}`);
  const req = fromShape(ref.request);
  const plan = def.batch?.(req, false) ?? { parts: [req], merge: ([only]: unknown[]) => only };
  const runner = partRunner(ctx, def, false, { poll: options.poll }, (part, o) => callEndpoint(ctx, def, part, o));
  return resumeSplit(ref, plan, runner) as SplitJob<unknown>;
}
