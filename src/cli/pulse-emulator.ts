#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { startEmulator } from '../emulator/startEmulator';
import { parseFaults } from '../emulator/faults';
import { engineOf, installedLanguage } from '../emulator/analysis/language';
import { RECORDED_JOB_DURATIONS, type JobDurationModel } from '../emulator/jobDuration';

const HELP = `pulse-emulator: the Pulse API on loopback (plausible local scores, not the hosted models')

  --port N            port to listen on (default 4010; 0 picks one)
  --host H            interface (default 127.0.0.1)
  --seed N            seed of scores and fault draws (default 42)
  --job-duration MS   how long jobs stay pending (default 300)
  --job-base MS       duration model: fixed part of each job, in ms (any --job-* below enables the model)
  --job-per-item MS   duration model: time per input item, in ms
  --job-jitter F      duration model: seeded spread, a fraction (0.05 = ±5%)
  --job-model M       duration model: 'recorded' (vendor-like durations per endpoint) or JSON
                      {"themes":{"baseMs":5000,"perItemMs":42,"jitter":0.05},"default":{...}}
  --token-ttl S       access token lifetime in seconds (default 3600)
  --rate-limit RPS    answer 429 above RPS requests per second
  --faults JSON       fault rules, e.g. '[{"path":"/sentiment","action":{"type":"status","status":503},"times":2}]'
  --text-plain-400    answer validation errors as the recorded text/plain 400
  --unknown-new-jobs MS  a new job is unknown (404 on GET /jobs) for its first MS ms
  --no-job-cancel     answer DELETE /jobs/{id} with 405 (a deployment without cancellation)
  --no-auth           do not require bearer tokens
  -h, --help          this text

Environment: PULSE_EMULATOR_FAULTS (JSON rules), PULSE_EMULATOR_PORT.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      'job-duration': { type: 'string' },
      'job-base': { type: 'string' },
      'job-per-item': { type: 'string' },
      'job-jitter': { type: 'string' },
      'job-model': { type: 'string' },
      'token-ttl': { type: 'string' },
      'rate-limit': { type: 'string' },
      faults: { type: 'string' },
      'text-plain-400': { type: 'boolean' },
      'unknown-new-jobs': { type: 'string' },
      'no-job-cancel': { type: 'boolean' },
      'no-auth': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const num = (name: string, v: string | undefined, fallback?: number) => {
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number, got "${v}"`);
    return n;
  };
  const rps = num('rate-limit', values['rate-limit']);
  const emulator = await startEmulator({
    port: num('port', values.port ?? process.env.PULSE_EMULATOR_PORT, 4010),
    host: values.host,
    seed: num('seed', values.seed),
    jobDurationMs: num('job-duration', values['job-duration']),
    jobDuration: durationModel(values, num),
    tokenTtlSeconds: num('token-ttl', values['token-ttl']),
    rateLimit: rps ? { rps } : undefined,
    faults: values.faults ? parseFaults(values.faults) : undefined,
    quirks: { textPlain400: values['text-plain-400'] === true, unknownNewJobsMs: num('unknown-new-jobs', values['unknown-new-jobs']) },
    cancelJobs: values['no-job-cancel'] !== true,
    requireAuth: values['no-auth'] !== true,
  });
  process.stdout.write(
    [
      'Pulse emulator listening (scores are plausible local stand-ins, not the hosted models)',
      `  engine: ${engineOf(installedLanguage())} (wink+glove: wink-nlp and the word table; lexicon: built-in fallback)`,
      `  PULSE_BASE_URL=${emulator.url}`,
      `  PULSE_TOKEN_URL=${emulator.tokenUrl}`,
      `  PULSE_CLIENT_ID=${emulator.clientId}`,
      `  PULSE_CLIENT_SECRET=${emulator.clientSecret}`,
      `  admin: ${emulator.origin}/_emulator/{journal,faults,reset}`,
      '',
    ].join('\n'),
  );
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

type Num = (name: string, v: string | undefined) => number | undefined;

/** The `--job-*` flags as a duration model: `--job-model` first, `--job-base/per-item/jitter` over its default. */
function durationModel(values: Record<string, string | boolean | undefined>, num: Num): JobDurationModel | undefined {
  const flag = (name: string) => values[name] as string | undefined;
  let model: JobDurationModel | undefined;
  const m = flag('job-model');
  if (m !== undefined) model = m === 'recorded' ? { ...RECORDED_JOB_DURATIONS } : (JSON.parse(m) as JobDurationModel);
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

main().catch((e: unknown) => {
  process.stderr.write(`pulse-emulator: ${(e as Error).message}\n`);
  process.exit(2);
});

// A module, not a script: in a "type": "commonjs" package esbuild reads a file with no export as
// CommonJS and wraps every module it imports in a lazy initialiser (`__esm`), which the shared
// chunks then carry into the core entry and no bundler can tree-shake.
export {};
