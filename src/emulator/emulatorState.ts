import { createHash } from 'node:crypto';
import { Analyst } from './analyze';
import type { ApiState } from './api';
import type { EmulatorOptions } from './EmulatorOptions';
import { checkJobDurationModel } from './jobDuration';
import { JobStore } from './JobStore';
import { SpecValidator } from './validator';

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
  return {
    seed,
    origin: '',
    secret: createHash('sha256').update(`pulse-emulator:${seed}`).digest('hex'),
    clientId: options.clientId ?? 'emulator-client',
    clientSecret: options.clientSecret ?? 'emulator-secret',
    requireAuth: options.requireAuth ?? true,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    resultTtlMs: options.resultTtlMs ?? 3_600_000,
    jobDurationMs: options.jobDurationMs ?? 300,
    jobDuration: options.jobDuration === undefined ? undefined : checkJobDurationModel(options.jobDuration),
    quirks: options.quirks ?? {},
    analyst: new Analyst(seed, options.embeddingDimensions ?? 3072),
    jobs: new JobStore(),
    validator: new SpecValidator(),
    now,
    startedAt: now(),
  };
}
