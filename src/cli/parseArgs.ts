import { extname, resolve } from 'node:path';
import { parseArgs as parseNodeArgs } from 'node:util';
import { CLI_OPTIONS, COMMON_OPTIONS } from './cliOptions';
import { allCommands, commandNamed } from './commandTable';
import { usageLine } from './help';
import { UsageError } from './UsageError';
import { didYouMean } from './didYouMean';

/** The parsed command line. */
export interface Args {
  /** The command's name (`sentiment`, `workflow`, ...). */
  command: string;
  /** Positional arguments after the command's name, as typed. */
  positionals: string[];
  /** The input FILE (absolute), for commands that read one. */
  file: string;
  /** FILE as typed, for messages. */
  fileLabel: string;
  column?: string | number;
  field?: string;
  idColumn?: string | number;
  /** `--sheet`: the XLSX worksheet's name or 0-based number. */
  sheet?: string | number;
  out?: string;
  outLabel?: string;
  report?: string;
  reportLabel?: string;
  themes?: string[];
  minThemes?: number;
  maxThemes?: number;
  /** `extract --dictionary A,B,C`: the terms to extract. */
  dictionary?: string[];
  /** `extract --type`: themes or named-entities (checked by processesFor). */
  extractType?: string;
  category?: string;
  expandDictionary: boolean;
  expandDictionaryLimit?: number;
  question?: string;
  length?: string;
  preset?: string;
  k?: number;
  algorithm?: string;
  title?: string;
  description?: string;
  context?: string;
  language?: string;
  header?: string;
  feature?: string;
  /** `similarity --against OTHER`: the second set, as typed. */
  against?: string;
  source?: string;
  /** `jobs --kind`: the job kind of an ID (checked by jobsCommand). */
  kind?: string;
  /** `--budget N`: most credits the analysis may use. */
  budget?: number;
  /** `--run F.json`: where the run is recorded (absolute), and as typed. */
  run?: string;
  runLabel?: string;
  clientId?: string;
  organization?: string;
  noBrowser: boolean;
  concurrency: number;
  fast: boolean | 'auto';
  emulator: boolean;
  quiet: boolean;
  json: boolean;
  help?: boolean;
  version?: boolean;
}

/**
 * Parses `pulse`'s arguments against the command table; a mistake is a `UsageError`.
 *
 * @example
 * parseArgs(['sentiment', 'reviews.csv', '--column', 'comment']).column; // 'comment'
 */
export function parseArgs(argv: string[]): Args {
  const options = Object.fromEntries(Object.entries(CLI_OPTIONS).map(([name, o]) => [name, { type: o.type, ...(o.short ? { short: o.short } : {}) }]));
  let parsed;
  try {
    parsed = parseNodeArgs({ args: argv, allowPositionals: true, options });
  } catch (e) {
    // Node's own wording suggests `--` for positionals, beside the point here: name the option.
    const unknown = /Unknown option '([^']+)'/.exec((e as Error).message)?.[1];
    const where = argv[0] && !argv[0].startsWith('-') ? `pulse ${argv[0]} --help` : 'pulse --help';
    if (unknown) throw new UsageError(`unknown option ${unknown}${didYouMean(unknown, Object.keys(CLI_OPTIONS))} (${where})`);
    throw new UsageError((e as Error).message);
  }
  const { positionals } = parsed;
  const v = parsed.values as Record<string, string | boolean | undefined>;
  const [command, ...rest] = positionals;
  const names = allCommands().map((c) => c.name).join(', ');
  if (!command) {
    if (v.help || v.version) return { help: v.help, version: v.version } as Args;
    throw new UsageError(`missing command (${names})`);
  }
  const def = commandNamed(command);
  if (!def) throw new UsageError(`unknown command "${command}" (${names})`);
  if (v.help || v.version) return { command, help: v.help, version: v.version } as Args;
  const accepted = new Set<string>([...COMMON_OPTIONS, ...def.options]);
  for (const name of Object.keys(v)) {
    if (v[name] !== undefined && !accepted.has(name)) throw new UsageError(`--${name} does not apply to pulse ${command}`);
  }
  const required = def.positionals.length - (def.optionalPositionals ?? 0);
  const usage = usageLine(def);
  if (rest.length < required) {
    const choices = def.choices?.[rest.length];
    throw new UsageError(choices ? `pulse ${command} needs ${oneOf(choices)} (${usage})` : `missing ${def.positionals[rest.length]}: ${usage}`);
  }
  if (rest.length > def.positionals.length) throw new UsageError(`unexpected argument "${rest[def.positionals.length]}" (${usage})`);
  for (const [index, choices] of Object.entries(def.choices ?? {})) {
    const given = rest[Number(index)];
    if (given !== undefined && !choices.includes(given)) throw new UsageError(`pulse ${command} needs ${oneOf(choices)}, not "${given}"`);
  }
  const str = (name: string) => v[name] as string | undefined;
  const out = str('out');
  if (out !== undefined && !['.json', '.csv'].includes(extname(out).toLowerCase())) throw new UsageError('--out must end in .json or .csv');
  const fileIndex = def.positionals.indexOf('FILE');
  const file = fileIndex >= 0 ? rest[fileIndex] : undefined;
  const fastFlag = str('fast');
  const fast = fastFlag === undefined || fastFlag === 'auto' ? 'auto' : fastFlag === 'true' ? true : fastFlag === 'false' ? false : badOption('--fast', 'true, false or auto');
  return {
    command,
    positionals: rest,
    file: file === undefined ? '' : resolve(file),
    fileLabel: file ?? '',
    column: columnOf(str('column')),
    field: str('field'),
    idColumn: columnOf(str('id-column')),
    sheet: columnOf(str('sheet')),
    out: out === undefined ? undefined : resolve(out),
    outLabel: out,
    report: str('report') === undefined ? undefined : resolve(str('report')!),
    reportLabel: str('report'),
    themes: listOf(str('themes')),
    minThemes: int('--min-themes', str('min-themes')),
    maxThemes: int('--max-themes', str('max-themes')),
    dictionary: listOf(str('dictionary')),
    extractType: str('type'),
    category: str('category'),
    expandDictionary: v['expand-dictionary'] === true,
    expandDictionaryLimit: count('--expand-dictionary-limit', str('expand-dictionary-limit')),
    question: str('question'),
    length: str('length'),
    preset: str('preset'),
    k: int('--k', str('k')),
    algorithm: str('algorithm'),
    title: str('title'),
    description: str('description'),
    context: str('context'),
    language: str('language'),
    header: str('header'),
    feature: str('feature'),
    against: str('against'),
    source: str('source'),
    kind: str('kind'),
    budget: credits(str('budget')),
    ...runOf(str('run')),
    clientId: str('client-id'),
    organization: str('organization'),
    noBrowser: v['no-browser'] === true,
    concurrency: int('--concurrency', str('concurrency')) ?? 4,
    fast,
    emulator: v.emulator === true,
    quiet: v.quiet === true,
    json: v.json === true,
    version: v.version as boolean | undefined,
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

function listOf(value: string | undefined): string[] | undefined {
  return value?.split(',').map((t) => t.trim()).filter(Boolean);
}

/** A whole number, 0 or more. */
function count(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) badOption(flag, 'a whole number, 0 or more');
  return Number(value);
}

function int(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) badOption(flag, 'a positive integer');
  return Number(value);
}

function credits(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(value)) badOption('--budget', 'a number of credits, 0 or more');
  return Number(value);
}

/** `run`, `bash or zsh`, `status, wait or resume`. */
function oneOf(words: readonly string[]): string {
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)!}` : words[0]!;
}

function badOption(flag: string, expected: string): never {
  throw new UsageError(`${flag} must be ${expected}`);
}
