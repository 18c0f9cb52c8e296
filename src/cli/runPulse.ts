import { access } from 'node:fs/promises';
import { PulseClient } from '../client/PulseClient';
import { startEmulator, type Emulator } from '../emulator/startEmulator';
import { PulseError, PulseValidationError } from '../errors';
import { VERSION } from '../version';
import { openDestination, type Destination } from './destination';
import { HELP, parseArgs, type Args } from './parseArgs';
import { analyzeWhole, processesFor } from './analyzeWhole';
import { streamSentiment } from './streamSentiment';
import { textSource } from './textSource';
import { UsageError } from './UsageError';
import { jobsCommand } from './jobsCommand';
import { RunFile, withoutRun } from './RunFile';

export { HELP } from './parseArgs';

/** Where the command line writes. */
export interface CliIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** What a run needs once its arguments are checked: the client, its destinations, how to speak. */
export interface CliRun {
  args: Args;
  client: PulseClient;
  io: CliIO;
  out?: Destination;
  report?: Destination;
  /** `--run`: where the run is recorded. */
  runFile?: RunFile;
  /** A line on stderr, unless `--quiet`. */
  info(line: string): void;
}

/**
 * The `pulse` command line, as a function: returns the exit code. Everything that can be
 * checked locally (arguments, the input file and its column, `--out` and `--report`) is
 * checked before the first request.
 *
 * @example
 * process.exitCode = await runPulse(process.argv.slice(2), process);
 */
export async function runPulse(argv: string[], io: CliIO): Promise<number> {
  const say = (line: string) => io.stderr.write(`pulse: ${line}\n`);
  const destinations: Destination[] = [];
  let emulator: Emulator | undefined;
  let client: PulseClient | undefined;
  try {
    if (argv[0] === 'jobs') return await jobsCommand(argv.slice(1), io, (again) => runPulse(again, io));
    const args = parseArgs(argv);
    if (args.help || args.version) {
      io.stdout.write(`${args.help ? HELP : VERSION}\n`);
      return 0;
    }
    const info = (line: string) => (args.quiet ? undefined : say(line));
    await access(args.file).catch(() => {
      throw new UsageError(`cannot read ${args.fileLabel}: no such file`);
    });
    processesFor(args); // options of the processes are checked here
    const source = await textSource(args);
    const out = args.out === undefined ? undefined : await openDestination(args.out, '--out', args.outLabel!);
    if (out) destinations.push(out);
    const report = args.report === undefined ? undefined : await openDestination(args.report, '--report', args.reportLabel!);
    if (report) destinations.push(report);
    info(`reading ${args.fileLabel}: ${source.where}`);

    ({ client, emulator } = await connect(args, info));
    const run: CliRun = { args, client, io, out, report, info };
    if (args.run && emulator) throw new UsageError('--run needs credentials: the embedded emulator forgets its jobs when pulse exits');
    if (args.run) run.runFile = await RunFile.open(args.run, withoutRun(argv, args), args.runLabel);
    if (args.command === 'sentiment' && !report && !args.run) await streamSentiment(run, source.options);
    else await analyzeWhole(run, source.options);
    for (const d of destinations.splice(0)) {
      await d.commit();
      info(`wrote ${d.path}`);
    }
    return 0;
  } catch (e) {
    await Promise.all(destinations.map((d) => d.abort()));
    if (e instanceof UsageError || PulseValidationError.is(e)) {
      say(`error: ${e.message}`);
      if (e instanceof UsageError) say('try pulse --help');
      return 2;
    }
    say(`error: ${e instanceof PulseError ? `${e.name}: ${e.message}` : String(e)}`);
    return 1;
  } finally {
    client?.close();
    await emulator?.close();
  }
}

async function connect(args: Args, info: (line: string) => void): Promise<{ client: PulseClient; emulator?: Emulator }> {
  const hasCredentials = Boolean(process.env.PULSE_TOKEN || (process.env.PULSE_CLIENT_ID && process.env.PULSE_CLIENT_SECRET));
  if (!args.emulator && hasCredentials) return { client: PulseClient.fromEnv({ concurrency: args.concurrency }) };
  if (!args.emulator) info('no credentials configured (PULSE_TOKEN, or PULSE_CLIENT_ID and PULSE_CLIENT_SECRET): using the embedded emulator');
  const emulator = await startEmulator({ port: 0 });
  info(`emulator at ${emulator.url}: plausible local scores, not the hosted models`);
  const { url: baseUrl, tokenUrl, clientId, clientSecret } = emulator;
  return { emulator, client: PulseClient.withClientCredentials({ baseUrl, tokenUrl, clientId, clientSecret, concurrency: args.concurrency }) };
}
