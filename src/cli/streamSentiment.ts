import { bufferCount, concatMap, filter, lastValueFrom, map, tap } from 'rxjs';
import { FlowControl } from '../concurrency/FlowControl';
import { analyzeSentiment } from '../operators/analyzeSentiment';
import type { Row } from '../analysis/csv';
import type { Sentiment } from '../analysis/results/SentimentResult';
import { readTextRecords, type ReadTextRecordsOptions, type TextRecord } from '../node/readTextRecords';
import { rowWriter } from './rowWriter';
import type { CliRun } from './CliContext';
import { countsLine, sentimentLine } from './summary';
import { plural, UsageError } from './UsageError';

/** Texts read but not yet answered: what bounds memory whatever the file's size. */
const IN_FLIGHT = 4000;
/** Rows written to `--out` at a time. */
const WRITE_EVERY = 500;

/**
 * The `sentiment` command without a report: the file is streamed through the
 * `analyzeSentiment` operator with backpressure, and each result is written to `--out` as
 * it comes (only the counts are kept), so a file of any size runs in bounded memory.
 *
 * @example
 * await streamSentiment(run, { format: 'csv', column: 'comment' });
 */
export async function streamSentiment(run: CliRun, options: ReadTextRecordsOptions): Promise<void> {
  const { args, client, io, info } = run;
  const flow = new FlowControl(IN_FLIGHT);
  const pending = new Map<number, TextRecord>();
  const counts: Record<Sentiment, number> = { positive: 0, negative: 0, neutral: 0, mixed: 0 };
  let read = 0;
  let skipped = 0;
  const columns = ['index', 'line', ...(options.idColumn === undefined ? [] : ['id']), 'text', 'sentiment', 'confidence'];
  const writer = run.out && rowWriter(run.out, columns);

  const rows$ = readTextRecords(args.file, { ...options, flow }).pipe(
    filter((record) => record.text.trim() !== '' || (skipped++, false)),
    tap((record) => pending.set(read++, record)),
    map((record) => record.text),
    analyzeSentiment(client, { batchSize: 200, concurrency: args.concurrency, fast: args.fast, flow }),
    map((result): Row => {
      const record = pending.get(result.index)!;
      pending.delete(result.index);
      counts[result.sentiment]++;
      // The writer keeps `columns` only: `id` is dropped when no --id-column was given.
      return { index: result.index, line: record.line, id: record.id ?? null, text: result.text, sentiment: result.sentiment, confidence: result.confidence };
    }),
    bufferCount(WRITE_EVERY),
    concatMap(async (rows) => writer?.write(rows)),
  );
  await lastValueFrom(rows$, { defaultValue: undefined });
  if (read === 0) throw new UsageError(`${args.fileLabel} has no texts${skipped ? ` (${plural(skipped, 'blank row')})` : ''}`);
  await writer?.end();
  info(`sentiment done: ${plural(read, 'text')} analysed${skipped ? `, ${plural(skipped, 'blank row')} skipped` : ''}`);
  if (!run.out) io.stdout.write(`${countsLine({ analysed: read, skipped })}\n${sentimentLine(counts)}\n`);
}
