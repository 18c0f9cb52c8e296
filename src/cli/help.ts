import { CLI_OPTIONS, COMMON_OPTIONS } from './cliOptions';
import { allCommands, type CliCommand } from './commandTable';

const TAIL = `FILE: .txt (a text per line), .csv / .tsv (a column), .jsonl (a field); UTF-8 text

Destinations (--out, --report) are checked before the first request.
Progress goes to stderr; results to stdout (--json: one JSON document) or --out.
Credentials: PULSE_TOKEN, or PULSE_CLIENT_ID and PULSE_CLIENT_SECRET, or a stored \`pulse login\`;
PULSE_BASE_URL. Without any, commands run on an embedded emulator.
Exit codes: 0 done, 1 the command failed, 2 bad usage or bad input.`;

function optionLine(name: string): string {
  const o = CLI_OPTIONS[name]!;
  const flag = `${o.short ? `-${o.short}, ` : ''}--${name}${o.arg ? ` ${o.arg}` : ''}`;
  return `  ${flag.padEnd(24)} ${o.help}`;
}

/**
 * `pulse --help`: every command of the table, every option, the conventions. Built from
 * the command table, so it says what the parser accepts.
 *
 * @example
 * io.stdout.write(`${helpText()}\n`);
 */
export function helpText(): string {
  const commands = allCommands();
  const names = new Set<string>();
  for (const c of commands) for (const o of c.options) names.add(o);
  for (const o of COMMON_OPTIONS) names.add(o);
  return [
    'pulse: analyse a file of texts with the Pulse API',
    '',
    'Usage: pulse <command> [arguments] [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${`${c.name} ${c.positionals.join(' ')}`.padEnd(30)} ${c.summary}`),
    '',
    'Options (pulse COMMAND --help lists those of a command):',
    ...[...names].map(optionLine),
    '',
    TAIL,
  ].join('\n');
}

/** `pulse COMMAND --help`: its usage and the options it accepts. */
export function commandHelp(command: CliCommand): string {
  return [
    `pulse ${command.name}: ${command.summary}`,
    '',
    `Usage: pulse ${command.name} ${command.positionals.join(' ')} [options]`,
    '',
    'Options:',
    ...[...command.options, ...COMMON_OPTIONS].map(optionLine),
  ].join('\n');
}
