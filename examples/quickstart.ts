/**
 * Quick start (`npm start`): analyses 280 theme-park reviews (examples/data/park-reviews.csv)
 * end to end against the embedded emulator: themes, sentiment and the allocation of every
 * review to a theme, with live progress, a compact summary, and an offline HTML report.
 * No credentials or network needed.
 *
 * Against the hosted API, drop the emulator and pass `PulseClient.fromEnv()`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { firstValueFrom } from 'rxjs';
import {
  Analyzer,
  SENTIMENTS,
  SentimentProcess,
  ThemeAllocation,
  ThemeGeneration,
  renderHtmlReport,
  type AnalysisEvent,
} from 'pulse-rx';
import { readTextsFile } from 'pulse-rx/node';
import { withEmulator } from './support/withEmulator';

export interface QuickstartOptions {
  /** Where the HTML report goes. @default ./reports */
  outDir?: string;
}

export async function main(log: (line: string) => void = console.log, options: QuickstartOptions = {}) {
  const file = join(__dirname, 'data', 'park-reviews.csv');
  const reviews = await firstValueFrom(readTextsFile(file, { column: 'comment' }));
  log(`pulse-rx quick start: ${reviews.length} reviews from ${relative(process.cwd(), file)}`);
  return withEmulator(
    async (client, emulator) => {
      log(`emulator at ${emulator.url} (plausible local scores, not the hosted models)\n`);
      const analyzer = new Analyzer({
        dataset: reviews,
        processes: [
          new ThemeGeneration({ context: 'reviews of a theme park' }), // as many themes as the reviews bring
          new SentimentProcess(),
          new ThemeAllocation(), // uses the generated themes: starts when they are ready
        ],
        client,
      });
      const started = Date.now();
      // One run gives both the live progress and the results.
      const results = await firstValueFrom(analyzer.run({ onEvent: progress(log, started) }));

      const s = results.sentiment!.summary();
      const allocation = results.themeAllocation!;
      log(`\nsentiment: ${SENTIMENTS.map((k) => `${k} ${Math.round(100 * s.shares[k])}%`).join(', ')}`);
      log(`themes (each review to its closest theme at or above ${allocation.threshold}):`);
      const { groups, unassigned } = allocation.byTheme();
      const width = Math.max('(no theme)'.length, ...groups.map((g) => g.theme.length));
      for (const { theme, members } of groups) {
        log(`  ${theme.padEnd(width)} ${String(members.length).padStart(3)} reviews   e.g. "${members[0]?.text ?? '-'}"`);
      }
      log(`  ${'(no theme)'.padEnd(width)} ${String(unassigned.length).padStart(3)} reviews`);

      const outDir = options.outDir ?? join(process.cwd(), 'reports');
      mkdirSync(outDir, { recursive: true });
      const reportPath = join(outDir, 'pulse-report.html');
      writeFileSync(reportPath, renderHtmlReport(results, { title: 'Theme park reviews', subtitle: `${reviews.length} reviews, summer 2026 (sample data, emulator scores)` }));
      log(`\nreport: ${relative(process.cwd(), reportPath)} (opens offline)`);
      return { reviews: reviews.length, themes: allocation.themes.length, sentiment: s.counts, allocated: reviews.length - unassigned.length, reportPath };
    },
    { emulator: { jobDurationMs: 600 }, client: { poll: { minIntervalMs: 150, maxIntervalMs: 300 } } },
  );
}

/** One line per step event: start, each job status change, end with its duration. */
function progress(log: (line: string) => void, started: number) {
  const since = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  return (e: AnalysisEvent) => {
    if (e.phase === 'start') log(`  ▶ ${e.process.padEnd(16)} started at ${since()}`);
    if (e.phase === 'status') log(`  … ${e.process.padEnd(16)} job ${e.status} at ${since()}`);
    if (e.phase === 'end') log(`  ✓ ${e.process.padEnd(16)} done at ${since()}${e.cached ? ' (cached)' : ''}`);
    if (e.phase === 'error') log(`  ✗ ${e.process.padEnd(16)} failed at ${since()}`);
  };
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
