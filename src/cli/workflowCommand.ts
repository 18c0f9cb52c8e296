import { access } from 'node:fs/promises';
import { finalize, firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { loadWorkflowFile } from '../node/loadWorkflowFile';
import { readTextRecords } from '../node/readTextRecords';
import { renderHtmlReport } from '../report/renderHtmlReport';
import type { CliContext } from './CliContext';
import { progressDisplay } from './progress';
import { checkInput } from './runAnalysisCommand';
import { summary, type TextCounts } from './summary';
import { plural, UsageError } from './UsageError';

/**
 * `pulse workflow run PIPELINE [FILE]`: loads a pipeline file (`loadWorkflowFile`; JSON or
 * YAML), puts FILE's texts in its source (`--source`, else its only one, else `input`),
 * runs it with progress on stderr, and prints each step's summary (or `--json`, or writes
 * `--out F.json` and `--report`). Without FILE the pipeline's own sources are used, and the
 * summary names them instead of counting texts it did not read.
 *
 * @example
 * await workflowCommand(ctx);
 */
export async function workflowCommand(ctx: CliContext): Promise<void> {
  const { args, io } = ctx;
  const [, pipeline] = args.positionals;
  if (args.out !== undefined && !args.out.toLowerCase().endsWith('.json')) throw new UsageError('--out of a workflow must end in .json');
  await access(pipeline!).catch(() => {
    throw new UsageError(`cannot read ${pipeline}: no such file`);
  });
  let sources: Record<string, string[]> | undefined;
  let counts: TextCounts | undefined;
  if (args.file) {
    const options = await checkInput(ctx);
    const records = await lastValueFrom(readTextRecords(args.file, options).pipe(toArray()));
    const texts = records.map((r) => r.text).filter((t) => t.trim() !== '');
    if (texts.length === 0) throw new UsageError(`${args.fileLabel} has no texts`);
    counts = { analysed: texts.length, skipped: records.length - texts.length };
    sources = { [args.source ?? (await onlySource(pipeline!)) ?? 'input']: texts };
    ctx.info(`${plural(texts.length, 'text')} to analyse`);
  } else {
    if (args.source !== undefined) throw new UsageError('--source names the source FILE fills: pulse workflow run PIPELINE FILE --source S');
    await ctx.openDestinations();
  }
  // Loading checks the pipeline (unknown steps and parameters name the step) before any request.
  const workflow = await firstValueFrom(loadWorkflowFile(pipeline!, sources ? { sources } : {}));
  const client = await ctx.connect();
  const progress = progressDisplay(io.stderr, args.quiet);
  const budget = args.budget === undefined ? {} : { budget: { maxCredits: args.budget } };
  const run$ = workflow.run({ client, fast: args.fast, concurrency: args.concurrency, onEvent: (e) => progress.update(e), ...budget });
  const results = await lastValueFrom(run$.pipe(finalize(() => progress.stop())));
  const byStep = Object.fromEntries(results.names.map((name) => [name, results.get(name).toJSON()]));
  const { sources: names } = workflow.graph();
  if (ctx.out) await ctx.out.write(`${JSON.stringify(byStep, null, 2)}\n`);
  if (ctx.report) await ctx.report.write(renderHtmlReport(results, { title: `pulse workflow ${pipeline}`, subtitle: args.fileLabel }));
  if (args.json) ctx.printJson({ command: 'workflow run', pipeline, ...(counts ? { texts: counts } : {}), sources: names, results: byStep });
  else if (!ctx.out) {
    const own = `texts: the pipeline's own (${plural(names.length, 'source')}: ${names.join(', ')})`;
    io.stdout.write(summary(results, counts ?? own));
  }
}

/** The one source a pipeline file names, when it names exactly one. */
async function onlySource(pipeline: string): Promise<string | undefined> {
  const workflow = await firstValueFrom(loadWorkflowFile(pipeline)).catch(() => undefined);
  const sources = workflow?.graph().sources ?? [];
  return sources.length === 1 ? sources[0] : undefined;
}
