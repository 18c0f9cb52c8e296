import { forkJoin, lastValueFrom, map, of } from 'rxjs';
import type { PulseClient } from '../client/PulseClient';
import type { RunPart } from '../jobs/RunLog';
import { redact } from '../http/logger';
import { JobKindSchema, type JobKind } from '../schemas/jobs';
import type { CliContext } from './CliContext';
import { commandNamed } from './commandTable';
import { hasCredentials } from './connectClient';
import { RunFile, type RunFileContent } from './RunFile';
import { UsageError } from './UsageError';

/** What `pulse jobs --help` says besides the usage and the options. */
export const JOBS_DETAILS = `  status   ID: the job's status (JSON, its signed result link masked). RUN.json: each
           step's parts submitted and done, and the status of every part still running
  wait     ID: polls until the job ends and prints its result (JSON). RUN.json: waits for
           every recorded part still running (submits nothing)
  resume   ID: as wait. RUN.json: runs the recorded command again: finished parts are
           reused, running ones polled, the rest submitted (pulse analyze FILE --run RUN.json)

A job ID needs --kind to wait or resume. Jobs live on the service: these need credentials
(PULSE_TOKEN, PULSE_CLIENT_ID and PULSE_CLIENT_SECRET, or a stored pulse login).`;

type Action = 'status' | 'wait' | 'resume';

/** A step of a run file, as `pulse jobs status|wait RUN.json` reports it. */
interface StepReport {
  step: string;
  partsTotal: number;
  submitted: number;
  done: number;
  running: Array<{ part: string; jobId: string; status: string }>;
}

/**
 * `pulse jobs status|wait|resume ID|RUN.json`: a job by id (`--kind` to wait for its
 * result), or the jobs of a `--run` file; `resume RUN.json` runs the recorded command again
 * (its exit code is this command's).
 *
 * @example
 * await jobsCommand(ctx); // pulse jobs status run.json
 */
export async function jobsCommand(ctx: CliContext): Promise<number | void> {
  const { args } = ctx;
  const [action, target] = args.positionals as [Action, string];
  const runFile = target.endsWith('.json') ? await RunFile.read(target) : undefined;
  if (target.endsWith('.json') && !runFile) throw new UsageError(`cannot read ${target}: no such file`);
  if (runFile && args.kind !== undefined) throw new UsageError('--kind is for a job ID, not a run file');
  if (runFile && action === 'resume') return ctx.rerun(resumeArgv(runFile, target, args));
  const kind = runFile ? undefined : kindOf(args.kind, action);
  if (!(await hasCredentials())) {
    throw new UsageError('pulse jobs needs credentials (PULSE_TOKEN, or PULSE_CLIENT_ID and PULSE_CLIENT_SECRET, or pulse login)');
  }
  const client = await ctx.connect();
  const command = `jobs ${action}`;
  if (runFile) {
    const steps = await runFileSteps(client, runFile, action === 'status' ? 'status' : 'wait');
    if (args.json) ctx.printJson({ command, run: target, steps });
    else ctx.io.stdout.write(steps.map(stepLines).join(''));
  } else if (action === 'status') {
    // The result link is signed: a credential for the result, kept out of terminals and CI logs.
    const status = redact(await lastValueFrom(client.jobs.status(target)));
    if (args.json) ctx.printJson({ command, id: target, status });
    else ctx.io.stdout.write(`${JSON.stringify(status)}\n`);
  } else {
    const result = await client.jobs.resume({ id: target, kind: kind! }).wait();
    if (args.json) ctx.printJson({ command, id: target, kind, result });
    else ctx.io.stdout.write(`${JSON.stringify(result)}\n`);
  }
}

/** The recorded command line, with this run file and the caller's `--quiet`/`--json`. */
function resumeArgv(file: RunFileContent, target: string, args: CliContext['args']): string[] {
  const [name] = file.argv;
  if (!commandNamed(name ?? '')?.options.includes('run')) {
    throw new UsageError(`${target} records "pulse ${name ?? ''}", which pulse jobs resume cannot run`);
  }
  const extra = [args.quiet && '--quiet', args.json && '--json'].filter((f): f is string => !!f && !file.argv.includes(f));
  return [...file.argv, '--run', target, ...extra];
}

/** Each step of a run file: its parts submitted and done, and the status of those still running. */
async function runFileSteps(client: PulseClient, file: RunFileContent, action: 'status' | 'wait'): Promise<StepReport[]> {
  const steps: StepReport[] = [];
  for (const [step, record] of Object.entries(file.records)) {
    const parts = Object.entries((record.parts ?? {}) as Record<string, RunPart>);
    const running = parts.filter(([, p]) => !p.done);
    const kind = JobKindSchema.parse(record.kind);
    const look = (jobId: string) =>
      action === 'status'
        ? client.jobs.status(jobId).pipe(map((s) => s.status as string))
        : client.jobs.poll(jobId, kind).pipe(map(() => 'completed'));
    const looks = running.map(([, p]) => lastValueFrom(look(p.jobId)));
    const statuses = await lastValueFrom(looks.length ? forkJoin(looks) : of([]));
    steps.push({
      step,
      partsTotal: Number(record.partsTotal),
      submitted: parts.length,
      done: parts.length - running.length,
      running: running.map(([part, p], i) => ({ part, jobId: p.jobId, status: statuses[i]! })),
    });
  }
  return steps;
}

function stepLines({ step, partsTotal, submitted, done, running }: StepReport): string {
  const parts = running.map((p) => `  part ${p.part} (job ${p.jobId}): ${p.status}\n`).join('');
  return `${step}: ${done} of ${partsTotal} parts done, ${submitted} submitted\n${parts}`;
}

function kindOf(kind: string | undefined, action: Action): JobKind | undefined {
  if (kind === undefined && action === 'status') return undefined;
  const parsed = JobKindSchema.safeParse(kind);
  const kinds = JobKindSchema.options.join(', ');
  if (kind === undefined) throw new UsageError(`pulse jobs ${action} ID needs --kind KIND, the kind of job it is (one of ${kinds})`);
  if (!parsed.success) throw new UsageError(`--kind must be one of ${kinds}`);
  return parsed.data;
}
