import { CLI_OPTIONS, COMMON_OPTIONS } from './cliOptions';
import { allCommands, type CliCommand } from './commandTable';

const TAIL = `FILE: .txt (a text per line), .csv / .tsv / .xlsx (a column), .jsonl (a field); UTF-8 text

Destinations (--out, --report) are checked before the first request.
Progress goes to stderr; results to stdout (--json: one JSON document) or --out.
Credentials: PULSE_TOKEN, or PULSE_CLIENT_ID and PULSE_CLIENT_SECRET, or a stored \`pulse login\`;
PULSE_BASE_URL and PULSE_TOKEN_URL choose another service (pulse-emulator prints them).
Without any credentials, commands run on an embedded emulator.
Exit codes: 0 done, 1 the command failed, 2 bad usage or bad input.`;

/** `  left   text`, with `text` on the next line when `left` fills its column. */
function row(left: string, width: number, text: string): string {
  return left.length < width ? `  ${left.padEnd(width)} ${text}` : `  ${left}\n  ${' '.repeat(width)} ${text}`;
}

function optionLine(name: string): string {
  const o = CLI_OPTIONS[name]!;
  return row(`${o.short ? `-${o.short}, ` : ''}--${name}${o.arg ? ` ${o.arg}` : ''}`, 24, o.help);
}

/**
 * How a command is typed: `pulse workflow run PIPELINE [FILE]` (optional positionals in
 * brackets). Help and usage errors both show it.
 *
 * @example
 * usageLine(commandNamed('completion')!); // 'pulse completion SHELL'
 */
export function usageLine(command: CliCommand): string {
  const optional = command.optionalPositionals ?? 0;
  const required = command.positionals.length - optional;
  const words = command.positionals.map((p, i) => (i < required ? p : `[${p}]`));
  return ['pulse', command.name, ...words].join(' ');
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
    ...commands.map((c) => row(usageLine(c).slice('pulse '.length), 30, c.summary)),
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
    `Usage: ${usageLine(command)} [options]`,
    '',
    ...(command.details ? [command.details, ''] : []),
    'Options:',
    ...[...command.options, ...COMMON_OPTIONS].map(optionLine),
  ].join('\n');
}
