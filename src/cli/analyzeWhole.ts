import { finalize, firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { Analyzer } from '../analysis/Analyzer';
import type { AnalysisResults } from '../analysis/AnalysisResults';
import type { Row } from '../analysis/csv';
import type { Process } from '../analysis/Process';
import { SentimentProcess } from '../analysis/processes/SentimentProcess';
import { ThemeAllocation } from '../analysis/processes/ThemeAllocation';
import { ThemeGeneration } from '../analysis/processes/ThemeGeneration';
import type { AnalysisResult } from '../analysis/results/AnalysisResult';
import { readTextRecords, type ReadTextRecordsOptions, type TextRecord } from '../node/readTextRecords';
import { renderHtmlReport } from '../report/renderHtmlReport';
import type { Args } from './parseArgs';
import { progressDisplay } from './progress';
import { rowWriter } from './rowWriter';
import type { CliRun } from './runPulse';
import { summary } from './summary';
import { RunFile } from './RunFile';
import { plural, UsageError } from './UsageError';

/**
 * The processes a command runs; building them checks their options (a `PulseValidationError`).
 *
 * @example
 * processesFor(parseArgs(['analyze', 'reviews.csv'])); // ThemeGeneration, SentimentProcess, ThemeAllocation
 */
export function processesFor(args: Args): Process<unknown, AnalysisResult<unknown>>[] {
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

/**
 * Runs a command that needs the whole dataset at once (themes, allocation, or a report):
 * reads every record, runs the Analyzer with progress on stderr, then writes `--out`,
 * `--report` or a summary on stdout.
 *
 * @example
 * await analyzeWhole(run, { format: 'csv', column: 'comment' });
 */
export async function analyzeWhole(run: CliRun, options: ReadTextRecordsOptions): Promise<void> {
  const { args, client, io, info } = run;
  const all = await firstValueFrom(readTextRecords(args.file, options).pipe(toArray()));
  const records = all.filter((r) => r.text.trim() !== '');
  const skipped = all.length - records.length;
  if (records.length === 0) throw new UsageError(`${args.fileLabel} has no texts${skipped ? ` (${plural(skipped, 'blank row')})` : ''}`);
  const texts = records.map((r) => r.text);
  info(`${plural(texts.length, 'text')} to analyse${skipped ? `; ${plural(skipped, 'blank row')} skipped` : ''}`);

  const recorded = run.runFile && { store: run.runFile, id: RunFile.RUN_ID };
  const analyzer = new Analyzer({ dataset: texts, processes: processesFor(args), client, fast: args.fast, concurrency: args.concurrency, run: recorded });
  const progress = progressDisplay(io.stderr, args.quiet);
  const results = await lastValueFrom(analyzer.run({ onEvent: (e) => progress.update(e) }).pipe(finalize(() => progress.stop())));

  if (run.out) {
    const themesOnly = args.command === 'themes';
    const rows = themesOnly ? results.themeGeneration!.toRows() : perTextRows(results, records);
    const writer = rowWriter(run.out, Object.keys(rows[0] ?? {}));
    await writer.write(rows);
    await writer.end();
  } else {
    io.stdout.write(summary(results, { analysed: texts.length, skipped }));
  }
  if (run.report) {
    await run.report.write(renderHtmlReport(results, { title: `pulse ${args.command}`, subtitle: args.fileLabel, lines: records.map((r) => r.line) }));
  }
}

/** One row per text: where it came from, its sentiment and its theme, as far as they were analysed. */
function perTextRows(results: AnalysisResults, records: readonly TextRecord[]): Row[] {
  const sentiment = results.sentiment;
  const single = results.themeAllocation?.assignSingle();
  return records.map((record, index) => ({
    index,
    line: record.line,
    ...(record.id === undefined ? {} : { id: record.id }),
    text: record.text,
    ...(sentiment ? { sentiment: sentiment.results[index]!.sentiment, confidence: sentiment.results[index]!.confidence } : {}),
    ...(single ? { theme: single[index]!.theme, score: single[index]!.score } : {}),
  }));
}
