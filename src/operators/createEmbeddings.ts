import { map, OperatorFunction } from 'rxjs';
import type { PulseClient } from '../client/PulseClient';
import { batchTexts, checkOperator, type BatchTextsConfig } from './batchTexts';

/** The embedding of one text of the stream. */
export interface TextEmbedding {
  index: number;
  text: string;
  vector: number[];
}

/**
 * Embeddings of a stream of texts, one per text, in input order.
 *
 * @example
 * import { from } from 'rxjs';
 * import { createEmbeddings } from 'pulse-rx';
 * from(texts).pipe(createEmbeddings(client, { concurrency: 2 })).subscribe((e) => index.add(e.vector));
 */
export function createEmbeddings(client: PulseClient, options: BatchTextsConfig = {}): OperatorFunction<string, TextEmbedding> {
  const config = checkOperator(client, options);
  return batchTexts(config, (batch) =>
    client
      .createEmbeddings({ inputs: batch.map((b) => b.text), fast: config.fast ?? 'auto' })
      .pipe(map((res) => res.embeddings.map((e, i) => ({ index: batch[i]!.index, text: batch[i]!.text, vector: e.vector })))),
  );
}
