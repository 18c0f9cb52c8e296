import { access } from 'node:fs/promises';
import { firstValueFrom } from 'rxjs';
import { DataDictionaryResult } from '../analysis/results/DataDictionaryResult';
import { formatOf } from '../node/readTextRecords';
import { sampleRows } from '../node/sampleRows';
import { LIMITS } from '../schemas/limits';
import type { CliContext } from './CliContext';
import { rowWriter } from './rowWriter';
import { runAnalysisCommand } from './runAnalysisCommand';
import { plural, UsageError } from './UsageError';

/**
 * `pulse dictionary FILE`: a DDI codebook. A CSV/TSV without `--column` is described whole
 * (every column: the endpoint's table, header row first, read up to the API's row limit);
 * any other input (or one `--column`) as one variable of texts, through the Analyzer.
 *
 * @example
 * await dictionaryCommand(ctx); // stdout: "data dictionary: Park survey" and its variables
 */
export async function dictionaryCommand(ctx: CliContext): Promise<void> {
  const { args, io } = ctx;
  const format = formatOf(args.file);
  if ((format !== 'csv' && format !== 'tsv') || args.column !== undefined || args.header !== undefined) return runAnalysisCommand(ctx);
  await access(args.file).catch(() => {
    throw new UsageError(`cannot read ${args.fileLabel}: no such file`);
  });
  const limit = LIMITS.dataDictionary.rows;
  const table = await sampleRows(args.file, format === 'tsv' ? '\t' : ',', limit + 2);
  if (table.length < 2) throw new UsageError(`${args.fileLabel} needs a header row and at least one row`);
  if (table.length > limit + 1) throw new UsageError(`${args.fileLabel} has more than ${limit} rows, the data dictionary's limit`);
  await ctx.openDestinations();
  ctx.info(`reading ${args.fileLabel}: ${plural(table[0]!.length, 'column')}, ${plural(table.length - 1, 'row')}`);
  const { title, description, context, language } = args;
  const given = Object.entries({ title, description, context, language }).filter(([, v]) => v !== undefined);
  const request = { data: table, ...(given.length ? { options: Object.fromEntries(given) } : {}) };
  const client = await ctx.connect();
  const raw = await firstValueFrom(client.generateDataDictionary(request, ctx.callOptions()));
  const result = new DataDictionaryResult(table[0]!, raw);
  if (ctx.out) {
    const writer = rowWriter(ctx.out, ['variableName', 'variableLabel', 'type', 'scaleLevel', 'sourceColumns']);
    await writer.write(result.toRows());
    await writer.end();
  }
  if (args.json) ctx.printJson({ command: 'dictionary', rows: table.length - 1, results: { dataDictionary: result.toJSON() } });
  else if (!ctx.out) {
    const lines = [`data dictionary: ${result.title}`, ...result.variables.map((v) => `  ${v.variableName}: ${v.variableLabel} (${v.type})`)];
    io.stdout.write(`${lines.join('\n')}\n`);
  }
}
