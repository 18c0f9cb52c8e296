import type * as z from 'zod/mini';
import type { JobKind } from '../schemas/jobs';
import type { JobResult } from '../schemas/resultSchemas';

/** Client-wide validation settings. */
export interface ValidationSettings {
  /** Longest text accepted, in characters. */
  maxTextLength: number;
  /** Largest result a call may plan, in numbers (`maxPlannedOutput`); none when undefined. */
  maxPlannedOutput?: number;
  /** Skip the per-call count limits (the call will be split into batches). */
  unbounded?: boolean;
}

/** How a request too large for one call is split, and how the parts' results are joined. */
export interface BatchPlan<Req, Res> {
  parts: Req[];
  merge(results: Res[]): Res;
  /**
   * Input items each part covers, for progress events (pairs of texts for similarity).
   * @default each part's `inputs.length`
   */
  items?: number[];
}

/**
 * Everything the client needs to call one analysis endpoint: the request schema, its
 * limits per mode, the mapping to wire names, and the kind of job it may become.
 */
export interface EndpointDef<S extends z.ZodMiniType, K extends JobKind> {
  /** Path under the base URL. */
  path: string;
  kind: K;
  request: S;
  /** `'async'` when the endpoint has no synchronous mode (data dictionary). */
  modes?: 'both' | 'async';
  /** True when the request fits the synchronous limits (drives `fast: 'auto'`). */
  fitsSync(req: z.output<S>, settings: ValidationSettings): boolean;
  /** Mode-specific limits; throws `PulseValidationError`. */
  validate(req: z.output<S>, fast: boolean, settings: ValidationSettings): void;
  /** The JSON body, in wire names. */
  toWire(req: z.output<S>, fast: boolean): Record<string, unknown>;
  /** Splits a request too large for one call in mode `fast`; undefined when it fits. */
  batch?(req: z.output<S>, fast: boolean): BatchPlan<z.output<S>, JobResult<K>> | undefined;
  /** Post-processing of the result (e.g. rebuilding a similarity matrix). */
  finalize?(data: JobResult<K>, req: z.output<S>): JobResult<K>;
}

/** Drops undefined fields and `fast: 'auto'`; sends `fast: true` only in sync mode. */
export function wireBody(fields: Record<string, unknown>, fast: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && k !== 'fast') out[k] = v;
  if (fast) out.fast = true;
  return out;
}
