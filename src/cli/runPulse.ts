import { access, mkdir, writeFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { finalize, firstValueFrom, lastValueFrom } from 'rxjs';
import { Analyzer } from '../analysis/Analyzer';
import type { AnalysisResults } from '../analysis/AnalysisResults';
import { toCSV, type Row } from '../analysis/csv';
import type { Process } from '../analysis/Process';
import { SentimentProcess } from '../analysis/processes/SentimentProcess';
import { ThemeAllocation } from '../analysis/processes/ThemeAllocation';
import { ThemeGeneration } from '../analysis/processes/ThemeGeneration';
import type { AnalysisResult } from '../analysis/results/AnalysisResult';
import { PulseClient } from '../client/PulseClient';
import { startEmulator, type Emulator } from '../emulator/startEmulator';
import { PulseError, PulseValidationError } from '../http/errors';
import { readTextsFile } from '../node/readTextsFile';
import { renderHtmlReport } from '../report/renderHtmlReport';
import { VERSION } from '../version';
import { progressDisplay } from './progress';

export const HELP = `pulse: analyse a file of texts with the Pulse API

Usage: pulse <command> FILE [options]

Commands:
  sentiment   sentiment of every text
  themes      generate themes from the texts
  allocate    allocate every text to themes (--themes, or generated ones)
  analyze     themes, sentiment and allocation together

FILE: .txt (a text per line), .csv / .tsv (one column), .jsonl ("text" field)

Options:
  --column C         CSV/TSV column: header name or 0-based number (default: first column)
  --out F            write the results: F.json or F.csv
  --report F         write an HTML report (opens offline)
  --themes A,B,C     themes to allocate to (allocate, analyze)
  --min-themes N     fewest themes to generate
  --max-themes N     most themes to generate
  --concurrency N    requests in flight (default 4)
  --fast MODE        true, false or auto (default auto)
  --emulator         run against an embedded emulator (the default without credentials)
  --quiet            no progress on stderr
  -v, --version      print the version
  -h, --help         this text

Credentials: PULSE_TOKEN, or PULSE_CLIENT_ID and PULSE_CLIENT_SECRET; PULSE_BASE_URL.
Exit codes: 0 done, 1 the analysis failed, 2 bad usage or bad input.`;

const COMMANDS = ['sentiment', 'themes', 'allocate', 'analyze'] as const;
type Command = (typeof COMMANDS)[number];

/** Where the command line writes. */
export interface CliIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** A mistake of the caller: message on stderr, exit code 2. */
class UsageError extends Error {}

/**
 * The `pulse` command line, as a function: returns the exit code.
 *
 * @example
 * process.exitCode = await runPulse(process.argv.slice(2), process);
 */
export async function runPulse(argv: string[], io: CliIO): Promise<number> {
  const say = (line: string) => io.stderr.write(`pulse: ${line}\n`);
  let emulator: Emulator | undefined;
  let client: PulseClient | undefined;
  try {
    const args = parse(argv);
    if (args.help) {
      io.stdout.write(`${HELP}\n`);
      return 0;
    }
    if (args.version) {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    await access(args.file).catch(() => {
      throw new UsageError(`cannot read ${args.fileLabel}: no such file`);
    });
    const texts = await firstValueFrom(readTextsFile(args.file, args.column === undefined ? {} : { column: args.column }));
    if (texts.length === 0) throw new UsageError(`${args.fileLabel} has no texts${args.column === undefined ? '' : ` in column ${args.column}`}`);
    const analyzer = new Analyzer({ dataset: texts, processes: processesFor(args), fast: args.fast, concurrency: args.concurrency });

    const hasCredentials = Boolean(process.env.PULSE_TOKEN || (process.env.PULSE_CLIENT_ID && process.env.PULSE_CLIENT_SECRET));
    if (args.emulator || !hasCredentials) {
      if (!args.emulator) say('no credentials configured (PULSE_TOKEN, or PULSE_CLIENT_ID and PULSE_CLIENT_SECRET): using the embedded emulator');
      emulator = await startEmulator({ port: 0 });
      say(`emulator at ${emulator.url}: plausible local scores, not the hosted models`);
      client = PulseClient.withClientCredentials({ baseUrl: emulator.url, tokenUrl: emulator.tokenUrl, clientId: emulator.clientId, clientSecret: emulator.clientSecret, concurrency: args.concurrency });
    } else {
      client = PulseClient.fromEnv({ concurrency: args.concurrency });
    }

    say(`${texts.length} texts from ${args.fileLabel}`);
    const progress = progressDisplay(io.stderr, args.quiet);
    const run = new Analyzer({ dataset: texts, processes: analyzer.processes as Process[], client, fast: args.fast, concurrency: args.concurrency });
    const run$ = run.run({ onEvent: (e) => progress.update(e) });
    const results = await lastValueFrom(run$.pipe(finalize(() => progress.stop())));

    if (args.out) {
      await writeOut(args.out, args.command === 'themes' ? results.themeGeneration!.toRows() : perTextRows(results));
      say(`wrote ${args.out}`);
    } else {
      io.stdout.write(summary(results));
    }
    if (args.report) {
      await writeOut(args.report, renderHtmlReport(results, { title: `pulse ${args.command}`, subtitle: args.fileLabel }));
      say(`wrote ${args.report}`);
    }
    return 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof PulseValidationError) {
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

interface Args {
  command: Command;
  file: string;
  /** FILE as typed, for messages. */
  fileLabel: string;
  column?: string | number;
  out?: string;
  report?: string;
  themes?: string[];
  minThemes?: number;
  maxThemes?: number;
  concurrency: number;
  fast: boolean | 'auto';
  emulator: boolean;
  quiet: boolean;
  help?: boolean;
  version?: boolean;
}

function parse(argv: string[]): Args {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        column: { type: 'string' },
        out: { type: 'string' },
        report: { type: 'string' },
        themes: { type: 'string' },
        'min-themes': { type: 'string' },
        'max-themes': { type: 'string' },
        concurrency: { type: 'string' },
        fast: { type: 'string' },
        emulator: { type: 'boolean' },
        quiet: { type: 'boolean' },
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
  if (v.out && !['.json', '.csv'].includes(extname(v.out).toLowerCase())) throw new UsageError('--out must end in .json or .csv');
  if (v.themes !== undefined && command !== 'allocate' && command !== 'analyze') throw new UsageError('--themes only applies to allocate and analyze');
  const fast = v.fast === undefined || v.fast === 'auto' ? 'auto' : v.fast === 'true' ? true : v.fast === 'false' ? false : badOption('--fast', 'true, false or auto');
  return {
    command: command as Command,
    file: resolve(file),
    fileLabel: file,
    column: v.column === undefined ? undefined : /^\d+$/.test(v.column) ? Number(v.column) : v.column,
    out: v.out && resolve(v.out),
    report: v.report && resolve(v.report),
    themes: v.themes?.split(',').map((t) => t.trim()).filter(Boolean),
    minThemes: int('--min-themes', v['min-themes']),
    maxThemes: int('--max-themes', v['max-themes']),
    concurrency: int('--concurrency', v.concurrency) ?? 4,
    fast,
    emulator: v.emulator ?? false,
    quiet: v.quiet ?? false,
  };
}

function int(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) badOption(flag, 'a positive integer');
  return Number(value);
}

function badOption(flag: string, expected: string): never {
  throw new UsageError(`${flag} must be ${expected}`);
}

function processesFor(args: Args): Process<unknown, AnalysisResult<unknown>>[] {
  const generation = () => new ThemeGeneration({ minThemes: args.minThemes, maxThemes: args.maxThemes });
  const allocation = () => new ThemeAllocation({ themes: args.themes });
  switch (args.command) {
    case 'sentiment':
      return [new SentimentProcess()];
    case 'themes':
      return [generation()];
    case 'allocate':
      return args.themes ? [allocation()] : [generation(), allocation()];
    case 'analyze':
      return args.themes ? [new SentimentProcess(), allocation()] : [generation(), new SentimentProcess(), allocation()];
  }
}

/** One row per text: its sentiment and its theme, as far as they were analysed. */
function perTextRows(results: AnalysisResults): Row[] {
  const sentiment = results.sentiment;
  const single = results.themeAllocation?.assignSingle();
  const texts = sentiment?.texts ?? results.themeAllocation!.texts;
  return texts.map((text, index) => ({
    index,
    text,
    ...(sentiment ? { sentiment: sentiment.results[index]!.sentiment, confidence: sentiment.results[index]!.confidence } : {}),
    ...(single ? { theme: single[index]!.theme, score: single[index]!.score } : {}),
  }));
}

async function writeOut(path: string, content: Row[] | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const text = typeof content === 'string' ? content : extname(path).toLowerCase() === '.csv' ? toCSV(content) : `${JSON.stringify(content, null, 2)}\n`;
  await writeFile(path, text);
}

function summary(results: AnalysisResults): string {
  const lines: string[] = [];
  const s = results.sentiment?.summary();
  if (s) lines.push(`sentiment (${s.total} texts): ${Object.entries(s.shares).map(([k, share]) => `${k} ${Math.round(share * 100)}%`).join(', ')}`);
  const allocation = results.themeAllocation;
  if (allocation) {
    const { groups, unassigned } = allocation.byTheme();
    lines.push('themes:');
    for (const { theme, members } of groups) lines.push(`  ${theme.padEnd(28)} ${String(members.length).padStart(5)} texts`);
    lines.push(`  ${'(no theme)'.padEnd(28)} ${String(unassigned.length).padStart(5)} texts`);
  } else if (results.themeGeneration) {
    lines.push('themes:');
    for (const t of results.themeGeneration.themes) lines.push(`  ${t.shortLabel}: ${t.description}`);
  }
  return `${lines.join('\n')}\n`;
}
