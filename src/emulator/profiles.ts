import { PulseValidationError } from '../errors';
import { RECORDED_JOB_DURATIONS, type JobDurationModel } from './jobDuration';

/** `spec`: exactly the OpenAPI document; `hosted`: the hosted service's recorded habits. */
export type EmulatorProfile = 'spec' | 'hosted';

/**
 * Habits of the hosted service that the spec does not show, each switchable on its own
 * (`startEmulator({ quirks })`, `pulse-emulator --quirk name[=on|off]`). The README lists
 * the recording that shows each one.
 */
export interface EmulatorQuirks {
  /** `{"jobId"}` and `resultUrl` instead of snake case. @default hosted: on */
  camelCaseJobs?: boolean;
  /** A pending status is just `{"status":"pending"}`, no job id. @default hosted: on */
  barePendingStatus?: boolean;
  /** `queued` for the first third of a job (no recording shows it; the Python SDK accepts it). @default off */
  queuedStatus?: boolean;
  /** gzip bodies of 200 bytes and more on the API, and always on tokens and result files, when accepted. @default hosted: on */
  gzip?: boolean;
  /** No `usage` block in results. @default hosted: on */
  noUsage?: boolean;
  /** No `requestId` on embeddings. @default hosted: on */
  noEmbeddingsRequestId?: boolean;
  /** Themes carry five representative sentences, not two. @default hosted: on */
  fiveRepresentatives?: boolean;
  /** Validation errors as the recorded `text/plain` 400 instead of JSON. @default hosted: on */
  textPlain400?: boolean;
  /** A failed job's status carries its detail as `message` (the Python SDK reads it). @default hosted: on */
  failureMessage?: boolean;
}

/** Every quirk's name, in the README's order. */
export const QUIRK_NAMES = [
  'camelCaseJobs', 'barePendingStatus', 'queuedStatus', 'gzip', 'noUsage',
  'noEmbeddingsRequestId', 'fiveRepresentatives', 'textPlain400', 'failureMessage',
] as const satisfies readonly (keyof EmulatorQuirks)[];

/** What a profile sets; options given explicitly win. */
export interface ProfileDefaults {
  quirks: Required<EmulatorQuirks>;
  tokenTtlSeconds: number;
  /** Duration model of jobs; undefined: every job takes `jobDurationMs`. */
  jobDuration?: JobDurationModel;
}

const NONE = Object.fromEntries(QUIRK_NAMES.map((q) => [q, false])) as Required<EmulatorQuirks>;

/** The two profiles. `hosted` follows the recordings in spec/fixtures/recordings (see the README table). */
export const PROFILES: Record<EmulatorProfile, ProfileDefaults> = {
  spec: { quirks: NONE, tokenTtlSeconds: 3600 },
  hosted: {
    quirks: { ...NONE, ...Object.fromEntries(QUIRK_NAMES.filter((q) => q !== 'queuedStatus').map((q) => [q, true])) },
    // Every recorded token answer says `expires_in: 86400`.
    tokenTtlSeconds: 86_400,
    jobDuration: RECORDED_JOB_DURATIONS,
  },
};

/**
 * The profile to use: the option, else `PULSE_EMULATOR_PROFILE`, else `spec` (the suite's
 * strict reference; `hosted` is one option away). Throws a `PulseValidationError` for others.
 *
 * @example
 * profileOf(undefined, 'hosted'); // 'hosted'
 */
export function profileOf(option: unknown, env: string | undefined): EmulatorProfile {
  const value = option ?? (env === '' ? undefined : env) ?? 'spec';
  if (value !== 'spec' && value !== 'hosted') {
    throw new PulseValidationError(option === undefined ? 'PULSE_EMULATOR_PROFILE' : 'profile', "must be 'spec' or 'hosted'");
  }
  return value;
}

/**
 * The quirks in force: the profile's, overridden one by one. Unknown names and non-boolean
 * values throw a `PulseValidationError` naming `quirks.<name>`.
 *
 * @example
 * resolveQuirks('hosted', { gzip: false }).camelCaseJobs; // true
 */
export function resolveQuirks(profile: EmulatorProfile, overrides: unknown = {}): Required<EmulatorQuirks> {
  if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) {
    throw new PulseValidationError('quirks', 'must be an object of booleans');
  }
  for (const [name, value] of Object.entries(overrides)) {
    if (!(QUIRK_NAMES as readonly string[]).includes(name)) {
      throw new PulseValidationError(`quirks.${name}`, `is not a quirk (${QUIRK_NAMES.join(', ')})`);
    }
    if (value !== undefined && typeof value !== 'boolean') throw new PulseValidationError(`quirks.${name}`, 'must be a boolean');
  }
  const set = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  return { ...PROFILES[profile].quirks, ...set };
}
