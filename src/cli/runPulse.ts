import { PulseError, PulseValidationError } from '../errors';
import { VERSION } from '../version';
import type { CliContext, CliIO } from './CliContext';
import { commandNamed } from './commandTable';
import { connectClient, type Connection } from './connectClient';
import { openDestination, type Destination } from './destination';
import { commandHelp, helpText } from './help';
import { parseArgs } from './parseArgs';
import { UsageError } from './UsageError';
import { registerBuiltinCommands } from './builtinCommands';

export type { CliContext, CliIO } from './CliContext';

registerBuiltinCommands();
/** The `pulse --help` text. */
export const HELP = helpText();

/**
 * The `pulse` command line, as a function: returns the exit code (0 done, 1 failed, 2 bad
 * usage). Everything that can be checked locally (arguments, the input file and its
 * column, `--out` and `--report`) is checked before the first request.
 *
 * @example
 * process.exitCode = await runPulse(process.argv.slice(2), process);
 */
export async function runPulse(argv: string[], io: CliIO): Promise<number> {
  const say = (line: string) => io.stderr.write(`pulse: ${line}\n`);
  const destinations: Destination[] = [];
  const connections: Connection[] = [];
  try {
    const args = parseArgs(argv);
    const command = commandNamed(args.command ?? '');
    if (args.help || args.version) {
      io.stdout.write(`${args.version ? VERSION : command ? commandHelp(command) : helpText()}\n`);
      return 0;
    }
    const info = (line: string) => (args.quiet ? undefined : say(line));
    const ctx: CliContext = {
      args,
      io,
      info,
      openDestinations: async () => {
        if (args.out !== undefined) destinations.push((ctx.out = await openDestination(args.out, '--out', args.outLabel!)));
        if (args.report !== undefined) destinations.push((ctx.report = await openDestination(args.report, '--report', args.reportLabel!)));
      },
      connect: async () => {
        const connection = await connectClient(args, info);
        connections.push(connection);
        return connection.client;
      },
      callOptions: () => (args.budget === undefined ? {} : { budget: { maxCredits: args.budget } }),
      printJson: (value) => io.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
      argv,
      usesEmulator: () => connections.some((c) => c.emulator !== undefined),
      rerun: (again) => runPulse(again, io),
    };
    const code = (await command!.run(ctx)) ?? 0;
    if (code !== 0) {
      await Promise.all(destinations.splice(0).map((d) => d.abort()));
      return code;
    }
    for (const d of destinations.splice(0)) {
      await d.commit();
      info(`wrote ${d.path}`);
    }
    return 0;
  } catch (e) {
    await Promise.all(destinations.map((d) => d.abort()));
    if (e instanceof UsageError || PulseValidationError.is(e)) {
      say(`error: ${e.message}`);
      // Point at the command's own help when the mistake is in a command's line.
      const help = commandNamed(argv[0] ?? '') ? `pulse ${argv[0]} --help` : 'pulse --help';
      if (e instanceof UsageError && !e.message.includes(help)) say(`try ${help}`);
      return 2;
    }
    say(`error: ${e instanceof PulseError ? `${e.name}: ${e.message}` : String(e)}`);
    return 1;
  } finally {
    for (const { client, emulator, flush } of connections) {
      await flush?.();
      client.close();
      await emulator?.close();
    }
  }
}
