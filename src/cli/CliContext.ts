import type { PulseClient } from '../client/PulseClient';
import type { CallOptions } from '../client/CallOptions';
import type { Destination } from './destination';
import type { Args } from './parseArgs';
import type { RunFile } from './RunFile';

/** Where the command line writes. */
export interface CliIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** What a command gets when it runs (`CliCommand.run`). */
export interface CliContext {
  args: Args;
  io: CliIO;
  /** A line on stderr (`pulse: ...`), unless `--quiet`. */
  info(line: string): void;
  /** `--out` and `--report` when given: opened (checked) by `openDestinations()`. */
  out?: Destination;
  report?: Destination;
  /**
   * Opens `--out` and `--report` before the first request (a bad destination is a usage
   * error); they are moved into place when the command succeeds and removed when it fails.
   */
  openDestinations(): Promise<void>;
  /** The client: credentials, a stored `pulse login`, or the embedded emulator. Closed after the command. */
  connect(): Promise<PulseClient>;
  /** Call options every analysis of the command passes (`--budget`). */
  callOptions(): Pick<CallOptions, 'budget'>;
  /** Writes `value` as the command's one JSON document on stdout (`--json`). */
  printJson(value: unknown): void;
  /** The command line as given (`--run` records it so `pulse jobs resume` can run it again). */
  argv: readonly string[];
  /** Whether `connect()` gave the embedded emulator (known once connected). */
  usesEmulator(): boolean;
  /** Runs another `pulse` command line in this process (`pulse jobs resume RUN.json`): its exit code. */
  rerun(argv: string[]): Promise<number>;
}

/** What the analysis runners need once the command is checked: the client, its destinations, how to speak. */
export interface CliRun {
  args: Args;
  client: PulseClient;
  io: CliIO;
  out?: Destination;
  report?: Destination;
  /** A line on stderr, unless `--quiet`. */
  info(line: string): void;
  /** `--run`: where the run is recorded. */
  runFile?: RunFile;
}
