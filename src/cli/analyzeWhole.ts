import { finalize, firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { Analyzer } from '../analysis/Analyzer';
import type { AnalysisResults } from '../analysis/AnalysisResults';
import type { Row } from '../analysis/csv';
import { readTextRecords, type ReadTextRecordsOptions, type TextRecord } from '../node/readTextRecords';
import { renderHtmlReport } from '../report/renderHtmlReport';
import type { CliRun } from './CliContext';
import { processesFor } from './processesFor';
import { RunFile } from './RunFile';
import { progressDisplay } from './progress';
import { rowWriter } from './rowWriter';
import { summary } from './summary';
import { plural, UsageError } from './UsageError';

/** Commands whose `--out` has one row per input text (with its source line). */
const PER_TEXT = new Set(['sentiment', 'allocate', 'analyze']);

/**
 * Runs an analysis command on the whole dataset at once: reads every record, runs the
 * Analyzer (with `--budget`) with progress on stderr, then writes `--out`, `--report`, and
 * a summary (or `--json`, the results) on stdout.
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

  const budget = args.budget === undefined ? {} : { budget: { maxCredits: args.budget } };
  const processes = processesFor(args);
  const recorded = run.runFile && { run: { store: run.runFile, id: RunFile.RUN_ID } };
  const analyzer = new Analyzer({ dataset: texts, processes, client, fast: args.fast, concurrency: args.concurrency, ...budget, ...recorded });
  const progress = progressDisplay(io.stderr, args.quiet);
  const results = await lastValueFrom(analyzer.run({ onEvent: (e) => progress.update(e) }).pipe(finalize(() => progress.stop())));

  if (run.out) {
    const main = results.get(processes[processes.length - 1]!.id);
    const rows = PER_TEXT.has(args.command) ? perTextRows(results, records) : main.toRows();
    const writer = rowWriter(run.out, Object.keys(rows[0] ?? {}));
    await writer.write(rows);
    await writer.end();
  }
  const counts = { analysed: texts.length, skipped };
  if (args.json) {
    const byStep = Object.fromEntries(results.names.map((name) => [name, results.get(name).toJSON()]));
    io.stdout.write(`${JSON.stringify({ command: args.command, texts: counts, results: byStep }, null, 2)}\n`);
  } else if (!run.out) {
    io.stdout.write(summary(results, counts));
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
