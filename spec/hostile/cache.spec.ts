import { execFileSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastValueFrom, toArray } from 'rxjs';
import { Analyzer, SentimentProcess, ThemeAllocation, type AnalysisDone, type AnalysisEvent, type AnalyzerOptions, type ResultCache } from 'pulse-rx';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { DiskCache } from 'pulse-rx/node';
import { emulatorClient } from '../helpers/emulatorClient';

const texts = ['Great rides, friendly staff', 'Food was cold', 'Queues, queues, queues'];
const fresh = () => mkdtempSync(join(tmpdir(), 'pulse-hostile-cache-'));
const posix = process.platform !== 'win32';

describe('cache entries are checked on read', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ jobDurationMs: 20 });
  });
  afterAll(() => emulator.close());

  const run = async (cache: ResultCache, processes: () => AnalyzerOptions['processes'] = () => [new SentimentProcess()]) => {
    const client = emulatorClient(emulator);
    try {
      return await lastValueFrom(new Analyzer({ dataset: texts, processes: processes(), client, cache }).events().pipe(toArray()));
    } finally {
      client.close();
    }
  };
  const ends = (events: (AnalysisEvent | AnalysisDone)[]) => events.flatMap((e) => (e.phase === 'end' ? [e] : []));
  const sentCount = () => emulator.journal().filter((e) => e.path.startsWith('/v1/')).length;

  it.each([
    ['markup in place of a sentiment', { results: texts.map(() => ({ sentiment: '<img src=x onerror=alert(1)>', confidence: 0.9 })) }],
    ['a string in place of the results', { results: '<script>alert(1)</script>' }],
    ['a confidence out of range', { results: texts.map(() => ({ sentiment: 'positive', confidence: 7 })) }],
    ['null', null],
  ])('an edited DiskCache entry (%s) is a miss: the step runs again and the entry is rewritten', async (_name, planted) => {
    const dir = fresh();
    const cache = new DiskCache(dir);
    await run(cache);
    const [entry] = readdirSync(dir);
    writeFileSync(join(dir, entry!), JSON.stringify(planted));
    const before = sentCount();
    const [end] = ends(await run(cache));
    expect(end!.cached).toBe(false);
    expect(sentCount()).toBeGreaterThan(before);
    expect(JSON.stringify(end!.result.raw)).not.toMatch(/[<>]/);
    expect((JSON.parse(readFileSync(join(dir, entry!), 'utf8')) as { results: unknown[] }).results).toHaveLength(3);
  });

  it('a matching entry keeps only the schema fields: extra keys never reach the results', async () => {
    const dir = fresh();
    const cache = new DiskCache(dir);
    await run(cache);
    const [entry] = readdirSync(dir);
    const good = JSON.parse(readFileSync(join(dir, entry!), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, entry!), JSON.stringify({ ...good, html: '<script>alert(1)</script>' }));
    const [end] = ends(await run(cache));
    expect(end!.cached).toBe(true);
    expect(end!.result.raw).not.toHaveProperty('html');
  });

  it('any cache is checked, and a derived result (theme allocation) too', async () => {
    const store = new Map<string, unknown>();
    const cache: ResultCache = { get: (k) => store.get(k), set: (k, v) => void store.set(k, v) };
    const processes = () => [new ThemeAllocation({ themes: ['Staff', 'Food'] })];
    await run(cache, processes);
    expect(ends(await run(cache, processes))[0]!.cached).toBe(true);
    for (const k of store.keys()) store.set(k, { themes: ['<b>Staff</b>', { label: 'no' }], similarity: 'x' });
    expect(ends(await run(cache, processes))[0]!.cached).toBe(false);
  });
});

describe('DiskCache in a folder others can write to', () => {
  (posix ? it : it.skip)('a link planted at the old predictable temp name is never written through', async () => {
    const dir = fresh();
    const victim = join(fresh(), 'victim.txt');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, join(dir, `abc.json.${process.pid}.tmp`));
    await new DiskCache(dir).set('abc', { ok: 1 });
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(await new DiskCache(dir).get('abc')).toEqual({ ok: 1 });
  });

  (posix ? it : it.skip)('a link planted at an entry is not followed on read, and is replaced (not written through) on write', async () => {
    const dir = fresh();
    const victim = join(fresh(), 'victim.json');
    writeFileSync(victim, '{"secret": "of another file"}');
    symlinkSync(victim, join(dir, 'abc.json'));
    const cache = new DiskCache(dir);
    expect(await cache.get('abc')).toBeUndefined();
    await cache.set('abc', { ok: 1 });
    expect(readFileSync(victim, 'utf8')).toBe('{"secret": "of another file"}');
    expect(lstatSync(join(dir, 'abc.json')).isSymbolicLink()).toBe(false);
    expect(await cache.get('abc')).toEqual({ ok: 1 });
  });

  (posix ? it : it.skip)('a FIFO planted at an entry is a miss, not a read that never ends', async () => {
    const dir = fresh();
    execFileSync('mkfifo', [join(dir, 'abc.json')]);
    expect(await new DiskCache(dir).get('abc')).toBeUndefined();
  });

  it('writers of one key at once all succeed and leave no temp file', async () => {
    const dir = fresh();
    const cache = new DiskCache(dir);
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => cache.set('abc', { i })));
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    expect(readdirSync(dir)).toEqual(['abc.json']);
    expect(((await cache.get('abc')) as { i: number }).i).toBeGreaterThanOrEqual(0);
  });
});
