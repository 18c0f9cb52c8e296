/**
 * Memory-friendly processing of a large file (migration guide: "memory-friendly
 * gathering" and "connection pooling"): stream the texts, analyse them in batches with
 * bounded concurrency and backpressure, on a keep-alive pool.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastValueFrom, reduce } from 'rxjs';
import { analyzeSentiment, FlowControl } from 'pulse-rx';
import { pooledAxios, readTexts } from 'pulse-rx/node';
import { withEmulator, runIfMain } from './support/withEmulator';

export const main = () => {
  const file = join(mkdtempSync(join(tmpdir(), 'pulse-example-')), 'feedback.csv');
  const rows = Array.from({ length: 5000 }, (_, i) => `${i},"Visit ${i}: the staff were ${i % 3 ? 'friendly, helpful' : 'rude'}"`);
  writeFileSync(file, ['id,comment', ...rows].join('\n'));
  return withEmulator(
    async (client) => {
      const flow = new FlowControl(1000); // at most 1,000 texts read but not yet answered
      return lastValueFrom(
        readTexts(file, { column: 'comment', flow }).pipe(
          analyzeSentiment(client, { batchSize: 200, concurrency: 4, flow }),
          reduce((counts, r) => ({ ...counts, [r.sentiment]: (counts[r.sentiment] ?? 0) + 1 }), {} as Record<string, number>),
        ),
      );
    },
    { client: { axios: pooledAxios(4), concurrency: 4 } },
  );
};

runIfMain(module, main);
