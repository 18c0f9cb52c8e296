import { createHash } from 'node:crypto';
import { PulseValidationError } from '../errors';
import { Analyst } from './analyze';
import type { ApiState } from './api';
import type { EmulatorOptions } from './EmulatorOptions';
import { checkJobDurationModel } from './jobDuration';
import { JobStore } from './JobStore';
import { organizationState } from './organization';
import { PROFILES, profileOf, resolveQuirks } from './profiles';
import { StrictAudit } from './StrictAudit';
import { SpecValidator } from './validator';
import { checkJobLifecycle } from './jobLifecycle';
import { installedLanguage } from './analysis/installedLanguage';
import { loadAjv } from './loadAjv';
import { IdempotencyKeys } from './IdempotencyKeys';

/**
 * The routes' state from `startEmulator`'s options, with their defaults; `origin` is
 * filled in once the server listens.
 *
 * @example
 * const state = emulatorState({ seed: 7 });
 */
export function emulatorState(options: EmulatorOptions): ApiState {
  const now = options.now ?? Date.now;
  const seed = options.seed ?? 42;
  const profile = profileOf(options.profile, process.env.PULSE_EMULATOR_PROFILE);
  const defaults = PROFILES[profile];
  const validator = new SpecValidator(loadAjv());
  const strict = options.strict ?? process.env.PULSE_EMULATOR_STRICT === '1';
  const speedUp = options.speedUp ?? 1;
  if (typeof speedUp !== 'number' || !(speedUp > 0) || !Number.isFinite(speedUp)) {
    throw new PulseValidationError('speedUp', 'must be a finite number above 0');
  }
  const idempotency = idempotencyKeys(options, now);
  const jobDuration = options.jobDuration ?? (options.jobDurationMs === undefined ? defaults.jobDuration : undefined);
  return {
    profile,
    seed,
    origin: '',
    secret: createHash('sha256').update(`pulse-emulator:${seed}`).digest('hex'),
    clientId: options.clientId ?? 'emulator-client',
    clientSecret: options.clientSecret ?? 'emulator-secret',
    requireAuth: options.requireAuth ?? true,
    tokenTtlSeconds: options.tokenTtlSeconds ?? defaults.tokenTtlSeconds,
    resultTtlMs: options.resultTtlMs ?? 3_600_000,
    jobDurationMs: options.jobDurationMs ?? 300,
    jobDuration: jobDuration === undefined ? undefined : checkJobDurationModel(jobDuration),
    quirks: resolveQuirks(profile, options.quirks),
    speedUp,
    organization: organizationState(options.organization),
    strict: strict ? new StrictAudit(validator) : undefined,
    idempotency,
    analyst: new Analyst(seed, options.embeddingDimensions ?? 3072, installedLanguage()),
    jobs: new JobStore(),
    lifecycle: checkJobLifecycle({ cancelJobs: options.cancelJobs, unknownNewJobsMs: options.unknownNewJobsMs }),
    validator,
    now,
    startedAt: now(),
  };
}

/** The `Idempotency-Key` store the options ask for (on by default), checked. */
function idempotencyKeys(options: EmulatorOptions, now: () => number): IdempotencyKeys | undefined {
  const { idempotencyKeys: on = true, idempotencyKeyTtlMs: ttlMs = 86_400_000 } = options;
  if (typeof on !== 'boolean') throw new PulseValidationError('idempotencyKeys', 'must be true or false');
  if (typeof ttlMs !== 'number' || !(ttlMs > 0) || !Number.isFinite(ttlMs)) {
    throw new PulseValidationError('idempotencyKeyTtlMs', 'must be a finite number of milliseconds above 0');
  }
  return on ? new IdempotencyKeys(ttlMs, now) : undefined;
}
