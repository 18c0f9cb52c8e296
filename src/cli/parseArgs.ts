import { extname, resolve } from 'node:path';
import { parseArgs as parseNodeArgs } from 'node:util';
import { UsageError } from './UsageError';

/** The `pulse --help` text. */
export const HELP = `pulse: analyse a file of texts with the Pulse API

Usage: pulse <command> FILE [options]

Commands:
  sentiment   sentiment of every text (streams: files of any size)
  themes      generate themes from the texts
  allocate    allocate every text to themes (--themes, or generated ones)
  analyze     themes, sentiment and allocation together
  jobs        status, wait or resume a job or a --run file (pulse jobs --help)

FILE: .txt (a text per line), .csv / .tsv (a column), .jsonl (a field); UTF-8 text

Options:
  --column C         CSV/TSV column: header name or 0-based number
                     (default: the column of longest, mostly-letter texts; pulse says which)
  --field F          JSONL field holding the text (default "text")
  --id-column C      CSV/TSV column or JSONL field copied into each output row as "id"
  --out F            write the results: F.json or F.csv (one row per text, with its source line)
  --report F         write an HTML report (opens offline)
  --themes A,B,C     themes to allocate to (allocate, analyze)
  --min-themes N     fewest themes to generate
  --max-themes N     most themes to generate
  --concurrency N    requests in flight (default 4)
  --fast MODE        true, false or auto (default auto)
  --run F.json       record the run in F.json (each part's job as it is submitted); the same
                     command again resumes it: nothing submitted twice (see pulse jobs --help)
  --emulator         run against an embedded emulator (the default without credentials)
  --quiet            nothing on stderr but errors (results still go to stdout or --out)
  -v, --version      print the version
  -h, --help         this text

Destinations (--out, --report) are checked before the first request.
Credentials: PULSE_TOKEN, or PULSE_CLIENT_ID and PULSE_CLIENT_SECRET; PULSE_BASE_URL.
Exit codes: 0 done, 1 the analysis failed, 2 bad usage or bad input.`;

const COMMANDS = ['sentiment', 'themes', 'allocate', 'analyze'] as const;
/** A `pulse` command. */
export type Command = (typeof COMMANDS)[number];

/** The parsed command line. */
export interface Args {
  command: Command;
  file: string;
  /** FILE as typed, for messages. */
  fileLabel: string;
  column?: string | number;
  field?: string;
  idColumn?: string | number;
  out?: string;
  outLabel?: string;
  report?: string;
  reportLabel?: string;
  themes?: string[];
  minThemes?: number;
  maxThemes?: number;
  concurrency: number;
  fast: boolean | 'auto';
  emulator: boolean;
  quiet: boolean;
  /** `--run F.json`: where the run is recorded (absolute), and as typed. */
  run?: string;
  runLabel?: string;
  help?: boolean;
  version?: boolean;
}

/**
 * Parses `pulse`'s arguments; a mistake is a `UsageError`.
 *
 * @example
 * parseArgs(['sentiment', 'reviews.csv', '--column', 'comment']).column; // 'comment'
 */
export function parseArgs(argv: string[]): Args {
  let parsed;
  try {
    parsed = parseNodeArgs({
      args: argv,
      allowPositionals: true,
      options: {
        column: { type: 'string' },
        field: { type: 'string' },
        'id-column': { type: 'string' },
        out: { type: 'string' },
        report: { type: 'string' },
        themes: { type: 'string' },
        'min-themes': { type: 'string' },
        'max-themes': { type: 'string' },
        concurrency: { type: 'string' },
        fast: { type: 'string' },
        emulator: { type: 'boolean' },
        quiet: { type: 'boolean' },
        run: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values: v, positionals } = parsed;
  if (v.help || v.version) return { help: v.help, version: v.version } as Args;
  const [command, file, ...extra] = positionals;
  if (!command) throw new UsageError('missing command (sentiment, themes, allocate or analyze)');
  if (!COMMANDS.includes(command as Command)) throw new UsageError(`unknown command "${command}" (sentiment, themes, allocate or analyze)`);
  if (!file) throw new UsageError(`missing FILE: pulse ${command} FILE`);
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (v.out !== undefined && !['.json', '.csv'].includes(extname(v.out).toLowerCase())) throw new UsageError('--out must end in .json or .csv');
  if (v.themes !== undefined && command !== 'allocate' && command !== 'analyze') throw new UsageError('--themes only applies to allocate and analyze');
  const fast = v.fast === undefined || v.fast === 'auto' ? 'auto' : v.fast === 'true' ? true : v.fast === 'false' ? false : badOption('--fast', 'true, false or auto');
  return {
    command: command as Command,
    file: resolve(file),
    fileLabel: file,
    column: columnOf(v.column),
    field: v.field,
    idColumn: columnOf(v['id-column']),
    out: v.out === undefined ? undefined : resolve(v.out),
    outLabel: v.out,
    report: v.report === undefined ? undefined : resolve(v.report),
    reportLabel: v.report,
    themes: v.themes?.split(',').map((t) => t.trim()).filter(Boolean),
    minThemes: int('--min-themes', v['min-themes']),
    maxThemes: int('--max-themes', v['max-themes']),
    concurrency: int('--concurrency', v.concurrency) ?? 4,
    fast,
    emulator: v.emulator ?? false,
    quiet: v.quiet ?? false,
    ...runOf(v.run),
  };
}

function runOf(run: string | undefined): Pick<Args, 'run' | 'runLabel'> {
  if (run === undefined) return {};
  if (extname(run).toLowerCase() !== '.json') throw new UsageError('--run must end in .json');
  return { run: resolve(run), runLabel: run };
}

function columnOf(value: string | undefined): string | number | undefined {
  return value === undefined ? undefined : /^\d+$/.test(value) ? Number(value) : value;
}

function int(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) badOption(flag, 'a positive integer');
  return Number(value);
}

function badOption(flag: string, expected: string): never {
  throw new UsageError(`${flag} must be ${expected}`);
}
