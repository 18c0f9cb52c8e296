import type { z } from 'zod';
import type { JobKind } from '../../schemas/jobs';
import { checkTexts } from '../validate';
import { wireBody, type EndpointDef, type ValidationSettings } from '../EndpointDef';

/** Input limits of an endpoint that takes `inputs: string[]`. */
export interface InputLimits {
  minInputs: number;
  sync: number;
  async: number;
}

type WithInputs = z.ZodType<{ inputs: string[] }>;

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
}): EndpointDef<S, K> {
  const { limits } = spec;
  return {
    path: spec.path,
    kind: spec.kind,
    request: spec.request,
    fitsSync: (req) => req.inputs.length <= limits.sync,
    validate(req, fast, settings) {
      checkTexts('inputs', req.inputs, {
        min: limits.minInputs,
        max: fast ? limits.sync : limits.async,
        maxLength: settings.maxTextLength,
        mode: fast ? 'synchronous (fast: true)' : 'asynchronous',
      });
      spec.check?.(req, fast, settings);
    },
    toWire: (req, fast) => wireBody(spec.toWire ? spec.toWire(req) : (req as Record<string, unknown>), fast),
  };
}
