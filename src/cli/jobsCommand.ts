import { parseArgs as parseNodeArgs } from 'node:util';
import { lastValueFrom, forkJoin, map, of } from 'rxjs';
import { PulseClient } from '../client/PulseClient';
import type { RunPart } from '../jobs/RunLog';
import { JobKindSchema, type JobKind } from '../schemas/jobs';
import { RunFile, type RunFileContent } from './RunFile';
import type { CliIO } from './runPulse';
import { UsageError } from './UsageError';

/** The `pulse jobs` help text. */
export const JOBS_HELP = `pulse jobs: look after submitted jobs and recorded runs

Usage: pulse jobs status|wait|resume ID --kind KIND
       pulse jobs status|wait|resume RUN.json

  status   ID: the job's status (JSON). RUN.json: each step's parts submitted and done,
           and the status of every part still running
  wait     ID: polls until the job ends and prints its result (JSON). RUN.json: waits for
           every recorded part still running (submits nothing)
  resume   ID: as wait. RUN.json: runs the recorded command again: finished parts are
           reused, running ones polled, the rest submitted (pulse analyze FILE --run RUN.json)

Options: --kind KIND (sentiment, embeddings, similarity, themes, clustering, extractions,
summaries, data-dictionary) for a job id; --quiet.`;

/** Runs `pulse jobs ...` (`argv` without `jobs`): the exit code. `rerun` runs a recorded command line. */
export async function jobsCommand(
  argv: string[],
  io: CliIO,
  rerun: (argv: string[]) => Promise<number>,
): Promise<number> {
  const { values: v, positionals } = parse(argv);
  const [action, target, ...extra] = positionals;
  if (v.help) {
    io.stdout.write(`${JOBS_HELP}\n`);
    return 0;
  }
  if (action !== 'status' && action !== 'wait' && action !== 'resume') {
    throw new UsageError('pulse jobs needs status, wait or resume');
  }
  if (!target) throw new UsageError(`missing ID or RUN.json: pulse jobs ${action} ID|RUN.json`);
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const runFile = target.endsWith('.json') ? await RunFile.read(target) : undefined;
  if (target.endsWith('.json') && !runFile) throw new UsageError(`cannot read ${target}: no such file`);
  if (runFile && action === 'resume') return rerun([...runFile.argv, '--run', target]);
  const kind = runFile ? undefined : kindOf(v.kind, action);
  const env = process.env;
  if (!(env.PULSE_TOKEN || (env.PULSE_CLIENT_ID && env.PULSE_CLIENT_SECRET))) {
    throw new UsageError('pulse jobs needs credentials (PULSE_TOKEN, or PULSE_CLIENT_ID and PULSE_CLIENT_SECRET)');
  }
  const client = PulseClient.fromEnv();
  try {
    if (runFile) return await runFileAction(client, runFile, action === 'status' ? 'status' : 'wait', io);
    if (action === 'status') io.stdout.write(`${JSON.stringify(await lastValueFrom(client.jobs.status(target)))}\n`);
    else io.stdout.write(`${JSON.stringify(await client.jobs.resume({ id: target, kind: kind! }).wait())}\n`);
    return 0;
  } finally {
    client.close();
  }
}

/** `status` or `wait` of a run file: one line per step, then the running parts' statuses. */
async function runFileAction(
  client: PulseClient,
  file: RunFileContent,
  action: 'status' | 'wait',
  io: CliIO,
): Promise<number> {
  for (const [key, record] of Object.entries(file.records)) {
    const parts = Object.entries((record.parts ?? {}) as Record<string, RunPart>);
    const running = parts.filter(([, p]) => !p.done);
    const kind = JobKindSchema.parse(record.kind);
    const done = parts.length - running.length;
    io.stdout.write(`${key}: ${done} of ${String(record.partsTotal)} parts done, ${parts.length} submitted\n`);
    const look = (jobId: string) =>
      action === 'status'
        ? client.jobs.status(jobId).pipe(map((s) => s.status))
        : client.jobs.poll(jobId, kind).pipe(map(() => 'completed'));
    const looks = running.map(([, p]) => lastValueFrom(look(p.jobId)));
    const statuses = await lastValueFrom(looks.length ? forkJoin(looks) : of([]));
    running.forEach(([index, p], i) => io.stdout.write(`  part ${index} (job ${p.jobId}): ${statuses[i]}\n`));
  }
  return 0;
}

function parse(argv: string[]) {
  try {
    return parseNodeArgs({
      args: argv,
      allowPositionals: true,
      options: { kind: { type: 'string' }, quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function kindOf(kind: string | undefined, action: string): JobKind | undefined {
  if (kind === undefined && action === 'status') return undefined;
  const parsed = JobKindSchema.safeParse(kind);
  if (!parsed.success) throw new UsageError(`--kind must be one of ${JobKindSchema.options.join(', ')}`);
  return parsed.data;
}
