import { parseArgs } from 'node:util';
import type { EmulatorOptions } from '../emulator/EmulatorOptions';
import { parseFaults } from '../emulator/faults';
import { RECORDED_JOB_DURATIONS, type JobDurationModel } from '../emulator/jobDuration';
import { QUIRK_NAMES, type EmulatorQuirks } from '../emulator/profiles';
import { MissingPackageError, PulseValidationError } from '../errors';
import { UsageError } from './UsageError';
import { didYouMean } from './didYouMean';

/** `pulse-emulator --help`. */
export const EMULATOR_HELP = `pulse-emulator: the Pulse API on loopback (plausible local scores, not the hosted models')

  --port N            port to listen on (default 4010; 0 picks one)
  --host H            interface (default 127.0.0.1)
  --seed N            seed of scores and fault draws (default 42)
  --profile P         'spec' (exactly the OpenAPI document, default) or 'hosted' (the recorded habits)
  --quirk NAME[=off]  switch one habit on (or off), repeatable: ${QUIRK_NAMES.join(', ')}
  --speed-up F        divide every job duration by F (the hosted profile's jobs take seconds)
  --strict            check every answer against the spec's response schemas (500 on a violation)
  --job-duration MS   how long jobs stay pending (default 300)
  --job-base MS       duration model: fixed part of each job, in ms (any --job-* below enables the model)
  --job-per-item MS   duration model: time per input item, in ms
  --job-jitter F      duration model: seeded spread, a fraction (0.05 = ±5%)
  --job-model M       duration model: 'recorded' (vendor-like durations per endpoint) or JSON
                      {"themes":{"baseMs":5000,"perItemMs":42,"jitter":0.05},"default":{...}}
  --token-ttl S       access token lifetime in seconds (default 3600; hosted 86400)
  --rate-limit RPS    answer 429 above RPS requests per second
  --faults JSON       fault rules, e.g. '[{"path":"/sentiment","action":{"type":"status","status":503},"times":2}]'
  --text-plain-400    same as --quirk textPlain400
  --unknown-new-jobs MS  a new job is unknown (404 on GET /jobs) for its first MS ms
  --no-job-cancel     answer DELETE /jobs/{id} with 405 (a deployment without cancellation)
  --no-idempotency    ignore Idempotency-Key: a resent POST is new work (default: a repeat gets the first answer)
  --replay DIR        serve the answers recorded in DIR to matching requests, local analysis otherwise
  --record DIR        instead of emulating, proxy /v1 to --upstream URL and record cassettes in DIR
  --upstream URL      the real deployment to record (base URL with /v1); tokens come from its own token URL
  --no-auth           do not require bearer tokens
  -h, --help          this text

Environment: PULSE_EMULATOR_PROFILE (spec|hosted), PULSE_EMULATOR_STRICT=1, PULSE_EMULATOR_FAULTS (JSON
rules), PULSE_EMULATOR_PORT.`;

/**
 * The options of \`startEmulator\` from \`pulse-emulator\`'s arguments (\`help: true\` for -h);
 * bad values throw a \`UsageError\` naming the flag.
 *
 * @example
 * emulatorArgs(['--profile', 'hosted', '--quirk', 'gzip=off']).options.quirks; // { gzip: false }
 */
export function emulatorArgs(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): { help: boolean; options: EmulatorOptions; record?: { dir: string; upstream: string } } {
  const { values } = parseFlags(args);
  const num = (name: string, v: string | undefined, fallback?: number) => {
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${name} must be a non-negative number, got "${v}"`);
    return n;
  };
  const profile = values.profile;
  if (profile !== undefined && profile !== 'spec' && profile !== 'hosted') throw new UsageError(`--profile must be 'spec' or 'hosted', got "${profile}"`);
  const quirks = quirkFlags(values.quirk ?? []);
  if (values['text-plain-400']) quirks.textPlain400 = true;
  const rps = num('rate-limit', values['rate-limit']);
  const speedUp = num('speed-up', values['speed-up']);
  if (speedUp === 0) throw new UsageError('--speed-up must be above 0');
  if ((values.record === undefined) !== (values.upstream === undefined)) throw new UsageError('--record DIR and --upstream URL go together');
  const record = values.record !== undefined ? { dir: values.record, upstream: values.upstream! } : undefined;
  return {
    help: values.help === true,
    record,
    options: {
      replay: values.replay,
      port: num('port', values.port ?? env.PULSE_EMULATOR_PORT, 4010),
      host: values.host,
      seed: num('seed', values.seed),
      profile,
      quirks,
      speedUp,
      strict: values.strict ? true : undefined,
      jobDurationMs: num('job-duration', values['job-duration']),
      jobDuration: durationModel(values, num),
      tokenTtlSeconds: num('token-ttl', values['token-ttl']),
      rateLimit: rps ? { rps } : undefined,
      faults: values.faults ? jsonFlag('faults', values.faults, parseFaults) : undefined,
      requireAuth: values['no-auth'] !== true,
      unknownNewJobsMs: num('unknown-new-jobs', values['unknown-new-jobs']),
      cancelJobs: values['no-job-cancel'] !== true,
      idempotencyKeys: values['no-idempotency'] !== true,
    },
  };
}

function quirkFlags(flags: string[]): EmulatorQuirks {
  const quirks: Record<string, boolean> = {};
  for (const flag of flags) {
    const [name = '', value = 'on'] = flag.split('=', 2);
    if (!(QUIRK_NAMES as readonly string[]).includes(name)) throw new UsageError(`--quirk: unknown quirk "${name}" (${QUIRK_NAMES.join(', ')})`);
    if (!['on', 'off', 'true', 'false'].includes(value)) throw new UsageError(`--quirk ${name}: the value must be on or off, got "${value}"`);
    quirks[name] = value === 'on' || value === 'true';
  }
  return quirks;
}

type Num = (name: string, v: string | undefined) => number | undefined;

/** The `--job-*` flags as a duration model: `--job-model` first, `--job-base/per-item/jitter` over its default. */
function durationModel(values: Record<string, unknown>, num: Num): JobDurationModel | undefined {
  const flag = (name: string) => values[name] as string | undefined;
  let model: JobDurationModel | undefined;
  const m = flag('job-model');
  if (m !== undefined) model = m === 'recorded' ? { ...RECORDED_JOB_DURATIONS } : jsonFlag('job-model', m, (t) => JSON.parse(t) as JobDurationModel);
  const base = num('job-base', flag('job-base'));
  const perItem = num('job-per-item', flag('job-per-item'));
  const jitter = num('job-jitter', flag('job-jitter'));
  if (base === undefined && perItem === undefined && jitter === undefined) return model;
  const spec = { ...model?.default };
  if (base !== undefined) spec.baseMs = base;
  if (perItem !== undefined) spec.perItemMs = perItem;
  if (jitter !== undefined) spec.jitter = jitter;
  return { ...model, default: spec };
}

const FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  seed: { type: 'string' },
  profile: { type: 'string' },
  quirk: { type: 'string', multiple: true },
  'speed-up': { type: 'string' },
  strict: { type: 'boolean' },
  'job-duration': { type: 'string' },
  'job-base': { type: 'string' },
  'job-per-item': { type: 'string' },
  'job-jitter': { type: 'string' },
  'job-model': { type: 'string' },
  'token-ttl': { type: 'string' },
  'rate-limit': { type: 'string' },
  faults: { type: 'string' },
  'text-plain-400': { type: 'boolean' },
  'no-auth': { type: 'boolean' },
  'unknown-new-jobs': { type: 'string' },
  'no-job-cancel': { type: 'boolean' },
  'no-idempotency': { type: 'boolean' },
  replay: { type: 'string' },
  record: { type: 'string' },
  upstream: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Node's parser, its mistakes as `UsageError`s in the words `pulse` uses. */
function parseFlags(args: string[]) {
  try {
    return parseArgs({ args, options: FLAGS });
  } catch (e) {
    const message = (e as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(message)?.[1];
    const missing = /Option '(--[^ ]+) <value>' argument missing/.exec(message)?.[1];
    throw new UsageError(unknown ? `unknown option ${unknown}${didYouMean(unknown, Object.keys(FLAGS))}` : missing ? `${missing} needs a value` : message);
  }
}

/** A JSON flag's value read by `read`; text that is not JSON is a `UsageError` naming the flag. */
function jsonFlag<T>(name: string, text: string, read: (text: string) => T): T {
  try {
    return read(text);
  } catch (e) {
    if (e instanceof SyntaxError) throw new UsageError(`--${name} is not valid JSON (${e.message})`);
    throw e;
  }
}

/**
 * How `pulse-emulator` ends on an error: bad usage exits 2 with a pointer to the help, a
 * missing optional package 2 with the command to install it; anything else (a port in use)
 * failed, exit 1.
 *
 * @example
 * const { code, message } = emulatorFailure(e); // 2, 'pulse-emulator: unknown option --bogus\n...'
 */
export function emulatorFailure(e: unknown): { code: 1 | 2; message: string } {
  const usage = e instanceof UsageError || PulseValidationError.is(e);
  const text = `pulse-emulator: ${e instanceof Error ? e.message : String(e)}\n`;
  if (MissingPackageError.is(e)) return { code: 2, message: text };
  return usage ? { code: 2, message: `${text}pulse-emulator: try pulse-emulator --help\n` } : { code: 1, message: text };
}
