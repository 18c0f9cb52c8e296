import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { Analyzer, Cluster, SentimentProcess, sentimentAnalysis } from 'pulse-rx';
import { startEmulator } from 'pulse-rx/emulator';
import { DiskCache, readTextsFile } from 'pulse-rx/node';
import { emulatorClient } from '../helpers/emulatorClient';

describe('DiskCache and readTextsFile', () => {
  it('a second Analyzer over the same file is answered from disk, with nothing sent', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pulse-cache-'));
    const csv = join(dir, 'reviews.csv');
    writeFileSync(csv, 'id,comment\n1,"Great rides, friendly staff"\n2,"Food was cold"\n3,"Queues, queues, queues"\n');
    const emulator = await startEmulator({ port: 0 });
    const client = emulatorClient(emulator);
    try {
      const dataset = await firstValueFrom(readTextsFile(csv, { column: 'comment' }));
      expect(dataset).toEqual(['Great rides, friendly staff', 'Food was cold', 'Queues, queues, queues']);
      const run = () =>
        lastValueFrom(
          new Analyzer({ dataset, processes: [new SentimentProcess(), new Cluster({ k: 2 })], client, cache: new DiskCache(join(dir, 'cache')) })
            .events()
            .pipe(toArray()),
        );
      await run();
      const sent = emulator.journal().length;
      expect(sent).toBeGreaterThanOrEqual(2);
      const second = await run();
      expect(emulator.journal().length).toBe(sent);
      expect(second.filter((e) => e.phase === 'end').every((e) => e.phase === 'end' && e.cached)).toBe(true);
      expect(readdirSync(join(dir, 'cache'))).toHaveLength(2);

      // The starters read files the same way.
      const sentiment = await firstValueFrom(sentimentAnalysis(readTextsFile(csv, { column: 'comment' }), { client }));
      expect(sentiment.results).toHaveLength(3);
    } finally {
      client.close();
      await emulator.close();
    }
  });

  it('a corrupt entry is a miss', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pulse-cache-'));
    const cache = new DiskCache(dir);
    await cache.set('abc', { ok: 1 });
    expect(await cache.get('abc')).toEqual({ ok: 1 });
    writeFileSync(join(dir, 'abc.json'), '{not json');
    expect(await cache.get('abc')).toBeUndefined();
  });
});
