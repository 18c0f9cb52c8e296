import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { SimilarityResult } from '../analysis/results/SimilarityResult';
import { readTextRecords } from '../node/readTextRecords';
import type { CliContext } from './CliContext';
import type { Args } from './parseArgs';
import { rowWriter } from './rowWriter';
import { runAnalysisCommand } from './runAnalysisCommand';
import { textSource } from './textSource';
import { plural, UsageError } from './UsageError';

/**
 * `pulse similarity FILE [--against OTHER]`: the self-similarity of FILE's texts (through
 * the Analyzer), or with `--against` every text of FILE against every text of OTHER (the
 * endpoint's `setA`/`setB`; `--column`/`--field` apply to both files).
 *
 * @example
 * await similarityCommand(ctx); // stdout: "similarity: a 6 x 4 matrix ..."
 */
export async function similarityCommand(ctx: CliContext): Promise<void> {
  const { args, io } = ctx;
  if (args.against === undefined) return runAnalysisCommand(ctx);
  const setA = await textsOf(args);
  const setB = await textsOf({ ...args, file: resolve(args.against), fileLabel: args.against, idColumn: undefined });
  await ctx.openDestinations();
  ctx.info(`${plural(setA.length, 'text')} against ${plural(setB.length, 'text')}`);
  const client = await ctx.connect();
  const request = { setA, setB, flatten: false, fast: args.fast };
  const raw = await firstValueFrom(client.compareSimilarity(request, { ...ctx.callOptions(), concurrency: args.concurrency }));
  const result = new SimilarityResult(setA, raw, setB);
  if (ctx.out) {
    const writer = rowWriter(ctx.out, ['a', 'b', 'textA', 'textB', 'score']);
    await writer.write(result.toRows());
    await writer.end();
  }
  if (args.json) ctx.printJson({ command: 'similarity', texts: { a: setA.length, b: setB.length }, results: { similarity: { matrix: result.matrix } } });
  else if (!ctx.out) io.stdout.write(`similarity: a ${setA.length} x ${setB.length} matrix (--out F.csv or --json to get it)\n`);
}

async function textsOf(args: Args): Promise<string[]> {
  await access(args.file).catch(() => {
    throw new UsageError(`cannot read ${args.fileLabel}: no such file`);
  });
  const { options } = await textSource(args);
  const records = await lastValueFrom(readTextRecords(args.file, options).pipe(toArray()));
  const texts = records.map((r) => r.text).filter((t) => t.trim() !== '');
  if (texts.length === 0) throw new UsageError(`${args.fileLabel} has no texts`);
  return texts;
}
