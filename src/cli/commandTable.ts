import type { CliContext } from './CliContext';

/**
 * One `pulse` command: its name, help, positional arguments, the options it accepts (names
 * of `CLI_OPTIONS`) and what it does. Commands live in one table: `registerCommand` adds
 * one (a module of `src/cli` registers its commands when imported by `runPulse`), and
 * parsing, `--help` and shell completion all read the table.
 */
export interface CliCommand {
  name: string;
  /** One line for `pulse --help`. */
  summary: string;
  /** Positional arguments after the name, as shown in the help (`FILE`, `run PIPELINE FILE`). */
  positionals: readonly string[];
  /** How many positionals may be left out (from the end). @default 0 */
  optionalPositionals?: number;
  /** Fixed words a positional must be one of, by index (`completion bash|zsh`). */
  choices?: Readonly<Record<number, readonly string[]>>;
  /** Options this command accepts besides `COMMON_OPTIONS`. */
  options: readonly string[];
  /** More of `pulse COMMAND --help`, between the usage and the options (what each action does). */
  details?: string;
  /**
   * Runs the command; throws `UsageError` (exit 2) or another error (exit 1). Resolves to
   * nothing (exit 0), or to the exit code of a command line it ran again (`ctx.rerun`).
   */
  run(ctx: CliContext): Promise<number | void>;
}

const table = new Map<string, CliCommand>();

/**
 * Adds a command to `pulse` (a later one with the same name replaces it).
 *
 * @example
 * registerCommand({ name: 'hello', summary: 'say hello', positionals: [], options: [], run: async (ctx) => ctx.print('hi') });
 */
export function registerCommand(command: CliCommand): void {
  table.set(command.name, command);
}

/** The command called `name`, if there is one. */
export function commandNamed(name: string): CliCommand | undefined {
  return table.get(name);
}

/** Every command, in registration order. */
export function allCommands(): CliCommand[] {
  return [...table.values()];
}
