import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { Analyzer, MemoryCache, PulseValidationError, SentimentProcess, Workflow, type AnalysisEvent, type PulseClient } from 'pulse-rx';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { DiskCache } from 'pulse-rx/node';
import { emulatorClient } from '../helpers/emulatorClient';

const texts = ['The staff were rude', 'Rides were great fun', 'Food was cold'];

describe('caches: clear() and cache: false (emulator)', () => {
  let emulator: Emulator;
  let client: PulseClient;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    client = emulatorClient(emulator);
  });
  afterAll(async () => {
    client.close();
    await emulator.close();
  });

  const sentimentCalls = () => emulator.journal().filter((e) => e.path === '/v1/sentiment').length;
  const cachedFlags = async (events$: ReturnType<Analyzer['events']>) =>
    (await lastValueFrom(events$.pipe(toArray()))).flatMap((e) => (e.phase === 'end' ? [(e as Extract<AnalysisEvent, { phase: 'end' }>).cached] : []));

  it('MemoryCache.clear(): forgets every entry and its counters; the next run sends again', async () => {
    const cache = new MemoryCache();
    const analyzer = new Analyzer({ dataset: texts, processes: [new SentimentProcess()], client, cache });
    expect(await cachedFlags(analyzer.events())).toEqual([false]);
    expect(await cachedFlags(analyzer.events())).toEqual([true]);
    expect([cache.size, cache.hits]).toEqual([1, 1]);
    cache.clear();
    expect([cache.size, cache.hits, cache.misses]).toEqual([0, 0, 0]);
    const before = sentimentCalls();
    expect(await cachedFlags(analyzer.events())).toEqual([false]);
    expect(sentimentCalls()).toBe(before + 1);
  });

  it('cache: false is an explicit "no cache" for Analyzer and Workflow', async () => {
    const analyzer = new Analyzer({ dataset: texts, processes: [new SentimentProcess()], client, cache: false });
    expect(await cachedFlags(analyzer.events())).toEqual([false]);
    const workflow = new Workflow().source('r', texts).sentiment();
    const before = sentimentCalls();
    await firstValueFrom(workflow.run({ client, cache: false }));
    await firstValueFrom(workflow.run({ client, cache: false }));
    expect(sentimentCalls()).toBe(before + 2);
  });

  it('a cache that is neither a ResultCache nor false is a typed error naming cache, before any request', async () => {
    const before = emulator.journal().length;
    expect(() => new Analyzer({ dataset: texts, processes: [new SentimentProcess()], client, cache: true as never })).toThrow(PulseValidationError);
    let error: unknown;
    await firstValueFrom(new Workflow().source('r', texts).sentiment().run({ client, cache: {} as never })).catch((e: unknown) => (error = e));
    expect((error as PulseValidationError).field).toBe('cache');
    expect(emulator.journal()).toHaveLength(before);
  });

  it("DiskCache.clear(): removes its entries and leftover temp files, never another's files", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pulse-rx-cache-'));
    const cache = new DiskCache(dir);
    await cache.set('abc', { results: [] });
    await cache.set('def', { results: [] });
    writeFileSync(join(dir, `.abc.${'0'.repeat(24)}.tmp`), '{');
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    writeFileSync(join(dir, 'report.final.json'), 'mine too');
    await cache.clear();
    expect(await cache.get('abc')).toBeUndefined();
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'report.final.json']);
    await new DiskCache(join(dir, 'never-created')).clear();
    expect(existsSync(join(dir, 'never-created'))).toBe(false);
  });
});
