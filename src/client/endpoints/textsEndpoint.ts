import type * as z from 'zod/mini';
import type { JobKind } from '../../schemas/jobs';
import { chunkRanges, sampleEvenly } from '../splitting/planBatches';
import { mergeMeta } from '../splitting/mergeMeta';
import type { JobResult } from '../../schemas/resultSchemas';
import { checkPerInput } from '../splitting/checkCounts';
import { checkPlannedOutput } from '../splitting/plannedOutput';
import { checkTexts } from '../validate';
import { wireBody, type EndpointDef, type ValidationSettings } from '../EndpointDef';

/** Input limits of an endpoint that takes `inputs: string[]`. */
export interface InputLimits {
  minInputs: number;
  sync: number;
  async: number;
}

type WithInputs = z.ZodMiniType<{ inputs: string[] }>;

/**
 * Builds the definition of an endpoint whose main input is `inputs`: count and text checks
 * per mode, then the endpoint's own checks, then its wire mapping.
 */
export function textsEndpoint<S extends WithInputs, K extends JobKind>(spec: {
  path: string;
  kind: K;
  request: S;
  limits: InputLimits;
  check?: (req: z.output<S>, fast: boolean, settings: ValidationSettings) => void;
  toWire?: (req: z.output<S>) => Record<string, unknown>;
  /** Numbers of output per input (checked against `maxPlannedOutput` before any request). */
  outputPerInput?: (req: z.output<S>) => { columns: number; what: string };
  /** The result array that holds one item per input; its length is checked. */
  perInput?: string;
  /** Further checks of the result's size against the request (throw `ResponseValidationError`). */
  checkResult?: (data: JobResult<K>, req: z.output<S>) => void;
  /**
   * How a request over the mode's limit is handled: `split` into consecutive batches whose
   * result arrays (`field`) are concatenated, or `sample` the limit's worth of inputs.
   */
  oversize?: { split: 'results' | 'embeddings' } | { sample: true };
}): EndpointDef<S, K> {
  const { limits } = spec;
  return {
    path: spec.path,
    kind: spec.kind,
    request: spec.request,
    fitsSync: (req) => req.inputs.length <= limits.sync,
    validate(req, fast, settings) {
      if (spec.outputPerInput) {
        const { columns, what } = spec.outputPerInput(req);
        checkPlannedOutput('inputs', req.inputs.length, columns, what, settings.maxPlannedOutput);
      }
      checkTexts('inputs', req.inputs, {
        min: limits.minInputs,
        max: settings.unbounded ? Number.POSITIVE_INFINITY : fast ? limits.sync : limits.async,
        maxLength: settings.maxTextLength,
        mode: fast ? 'synchronous (fast: true)' : 'asynchronous',
      });
      spec.check?.(req, fast, settings);
    },
    toWire: (req, fast) => wireBody(spec.toWire ? spec.toWire(req) : (req as Record<string, unknown>), fast),
    finalize:
      spec.perInput || spec.checkResult
        ? (data, req) => {
            if (spec.perInput) checkPerInput(spec.kind, spec.perInput, data, req.inputs.length);
            spec.checkResult?.(data, req);
            return data;
          }
        : undefined,
    batch: spec.oversize
      ? (req, fast) => {
          const max = fast ? limits.sync : limits.async;
          if (req.inputs.length <= max) return undefined;
          const oversize = spec.oversize!;
          if ('sample' in oversize) {
            const inputs = sampleEvenly(req.inputs.length, max).map((i) => req.inputs[i]!);
            return { parts: [{ ...req, inputs }], merge: ([only]) => only! };
          }
          const parts = chunkRanges(req.inputs.length, max).map(([a, b]) => ({ ...req, inputs: req.inputs.slice(a, b) }));
          return {
            parts,
            merge: (results) => {
              const merged = {
                ...results[0],
                [oversize.split]: results.flatMap((r) => (r as unknown as Record<string, unknown[]>)[oversize.split] ?? []),
                ...mergeMeta(results as never[]),
              } as (typeof results)[number];
              checkPerInput(spec.kind, oversize.split, merged, req.inputs.length);
              return merged;
            },
          };
        }
      : undefined,
  };
}
