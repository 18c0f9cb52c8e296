import { PulseValidationError } from '../errors';
import type { Feature } from './analyze';
import { hash32 } from './analysis/text';

/** How long the jobs of one endpoint take: `baseMs + perItemMs × items`, spread by a seeded ±`jitter`. */
export interface JobDurationSpec {
  /** Fixed part of every job, in ms. @default 0 */
  baseMs?: number;
  /** Time per input item (texts; similarity counts `set`, or `set_a` + `set_b`), in ms. @default 0 */
  perItemMs?: number;
  /** Random spread of each duration, as a fraction (0.05 = ±5%), drawn from the emulator's seed. @default 0 */
  jitter?: number;
}

/** Durations per endpoint; `default` covers the endpoints not named. */
export type JobDurationModel = Partial<Record<Feature | 'default', JobDurationSpec>>;

/**
 * Durations loosely following the vendor's recordings: a theme allocation of ~1,000 texts
 * takes ~47 s, a sentiment job of 500 texts ~4 s; ±5% jitter.
 */
export const RECORDED_JOB_DURATIONS: JobDurationModel = {
  default: { baseMs: 2000, perItemMs: 4, jitter: 0.05 },
  themes: { baseMs: 5000, perItemMs: 42, jitter: 0.05 },
  clustering: { baseMs: 4000, perItemMs: 10, jitter: 0.05 },
  summaries: { baseMs: 6000, perItemMs: 20, jitter: 0.05 },
  'data-dictionary': { baseMs: 8000, perItemMs: 20, jitter: 0.05 },
};

/** Items of a request body, the size the model scales with. */
export function jobItems(feature: Feature, body: Record<string, unknown>): number {
  const len = (v: unknown) => (Array.isArray(v) ? v.length : 0);
  if (feature === 'similarity') return len(body.set) + len(body.set_a) + len(body.set_b);
  return len(body.inputs);
}

/**
 * Duration of the `n`-th job (1-based) of one emulator: deterministic for a seed, so that
 * two runs with the same seed and the same submissions see the same durations.
 */
export function jobDurationMs(model: JobDurationModel, feature: Feature, items: number, seed: number, n: number): number {
  const spec = model[feature] ?? model.default ?? {};
  const base = (spec.baseMs ?? 0) + (spec.perItemMs ?? 0) * items;
  const draw = hash32(`job-duration#${n}`, seed) / 4294967296;
  return Math.max(0, Math.round(base * (1 + (spec.jitter ?? 0) * (2 * draw - 1))));
}

const FEATURE_KEYS = [
  'default', 'sentiment', 'embeddings', 'similarity', 'themes', 'clustering', 'extractions', 'summaries', 'data-dictionary',
];

/** Checks a duration model (option `jobDuration`); throws a `PulseValidationError` naming the field. */
export function checkJobDurationModel(model: unknown): JobDurationModel {
  if (model === null || typeof model !== 'object' || Array.isArray(model)) throw new PulseValidationError('jobDuration', 'must be an object');
  for (const [feature, spec] of Object.entries(model as Record<string, unknown>)) {
    if (!FEATURE_KEYS.includes(feature)) throw new PulseValidationError(`jobDuration.${feature}`, `is not an endpoint (${FEATURE_KEYS.join(', ')})`);
    if (spec === null || typeof spec !== 'object') throw new PulseValidationError(`jobDuration.${feature}`, 'must be an object');
    for (const [field, value] of Object.entries(spec as Record<string, unknown>)) {
      const max = field === 'jitter' ? 1 : Number.MAX_SAFE_INTEGER;
      if (!['baseMs', 'perItemMs', 'jitter'].includes(field)) throw new PulseValidationError(`jobDuration.${feature}.${field}`, 'is not an option (baseMs, perItemMs, jitter)');
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max) {
        throw new PulseValidationError(`jobDuration.${feature}.${field}`, `must be a finite number from 0 to ${max}`);
      }
    }
  }
  return model as JobDurationModel;
}
