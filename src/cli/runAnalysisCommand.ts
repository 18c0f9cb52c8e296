import { access } from 'node:fs/promises';
import type { ReadTextRecordsOptions } from '../node/readTextRecords';
import { analyzeWhole } from './analyzeWhole';
import type { CliContext } from './CliContext';
import { processesFor } from './processesFor';
import { RunFile, withoutRun } from './RunFile';
import { streamSentiment } from './streamSentiment';
import { textSource } from './textSource';
import { UsageError } from './UsageError';

/**
 * Checks FILE (readable, its column) and the destinations, before any request; resolves to
 * the reader's options.
 *
 * @example
 * const options = await checkInput(ctx);
 */
export async function checkInput(ctx: CliContext): Promise<ReadTextRecordsOptions> {
  const { args } = ctx;
  await access(args.file).catch(() => {
    throw new UsageError(`cannot read ${args.fileLabel}: no such file`);
  });
  const source = await textSource(args);
  await ctx.openDestinations();
  ctx.info(`reading ${args.fileLabel}: ${source.where}`);
  return source.options;
}

/**
 * An analysis command (`sentiment`, `themes`, ... `dictionary`): checks everything local,
 * connects, then streams (`sentiment` alone, without report, budget or --json) or runs the
 * whole dataset through the Analyzer.
 *
 * @example
 * registerCommand({ name: 'sentiment', ..., run: runAnalysisCommand });
 */
export async function runAnalysisCommand(ctx: CliContext): Promise<void> {
  const { args } = ctx;
  if (args.themes !== undefined && !['allocate', 'analyze', 'extract'].includes(args.command)) {
    throw new UsageError('--themes only applies to allocate, analyze and extract');
  }
  processesFor(args); // options of the processes are checked here
  const options = await checkInput(ctx);
  const client = await ctx.connect();
  if (args.run && ctx.usesEmulator()) throw new UsageError('--run needs credentials: the embedded emulator forgets its jobs when pulse exits');
  const runFile = args.run ? await RunFile.open(args.run, withoutRun([...ctx.argv], args), args.runLabel) : undefined;
  const run = { args, client, io: ctx.io, out: ctx.out, report: ctx.report, info: ctx.info, runFile };
  const streams = args.command === 'sentiment' && !ctx.report && args.budget === undefined && !args.json && !runFile;
  if (streams) await streamSentiment(run, options);
  else await analyzeWhole(run, options);
}
