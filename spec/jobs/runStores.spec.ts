import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalStorageRunStore, MemoryRunStore, PulseValidationError, RunLog, type RunRecord, type RunStore } from 'pulse-rx';
import { FileRunStore } from 'pulse-rx/node';

/** A `Storage`-like object over a Map (what a browser's localStorage offers). */
function fakeStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

const dir = mkdtempSync(join(tmpdir(), 'pulse-run-stores-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each<[string, () => RunStore]>([
  ['MemoryRunStore', () => new MemoryRunStore()],
  ['LocalStorageRunStore', () => new LocalStorageRunStore(fakeStorage())],
  ['FileRunStore', () => new FileRunStore(mkdtempSync(join(dir, 'f-')))],
])('%s', (_name, make) => {
  it('gets undefined for a missing key, the record after put, nothing after delete (twice is fine)', async () => {
    const store = make();
    expect(await store.get('run/1')).toBeUndefined();
    await store.put('run/1', { parts: { 0: { jobId: 'a/b' } } });
    await store.put('run/2', { parts: {} });
    expect(await store.get('run/1')).toEqual({ parts: { 0: { jobId: 'a/b' } } });
    await store.delete('run/1');
    await store.delete('run/1');
    expect(await store.get('run/1')).toBeUndefined();
    expect(await store.get('run/2')).toEqual({ parts: {} });
  });

  it('keeps a copy: changing the object put or got does not change the record', async () => {
    const store = make();
    const record = { parts: { 0: { jobId: 'j' } } } as { parts: Record<string, { jobId: string }> };
    await store.put('k', record);
    record.parts[1] = { jobId: 'x' };
    const got = (await store.get('k')) as typeof record;
    got.parts[2] = { jobId: 'y' };
    expect(await store.get('k')).toEqual({ parts: { 0: { jobId: 'j' } } });
  });
});

describe('FileRunStore', () => {
  it('writes one file per run through a temporary file and a rename (none left behind)', async () => {
    const store = new FileRunStore(join(dir, 'atomic'));
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.put('run', { i })));
    await store.put('other', { i: -1 });
    expect(readdirSync(join(dir, 'atomic')).sort()).toEqual(['other.json', 'run.json']);
    expect(((await store.get('run')) as { i: number }).i).toBeGreaterThanOrEqual(0);
  });

  it('refuses an empty directory name', () => {
    expect(() => new FileRunStore('')).toThrow(PulseValidationError);
  });
});

describe('LocalStorageRunStore', () => {
  it('keeps each record as one item under its prefix', async () => {
    const storage = fakeStorage();
    await new LocalStorageRunStore(storage, 'app.').put('r', { a: 1 });
    expect([...storage.items]).toEqual([['app.r', '{"a":1}']]);
  });

  it('refuses an object that is not Storage-like, naming the missing method', () => {
    expect(() => new LocalStorageRunStore({ getItem: () => null } as never)).toThrow('storage: must be a Storage-like object (missing setItem)');
  });
});

describe('RunLog', () => {
  /** A store whose puts finish only when the test says so; it notes how many overlap. */
  function slowStore() {
    const pending: (() => void)[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    let last: RunRecord | undefined;
    const store: RunStore = {
      get: () => Promise.resolve(undefined),
      put: (_k, record) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        return new Promise<void>((resolve) =>
          pending.push(() => {
            inFlight--;
            last = record;
            resolve();
          }),
        );
      },
      delete: () => Promise.resolve(),
    };
    return { store, pending, stats: () => ({ maxInFlight, last }) };
  }

  it('serializes writes of one run, and the last write holds every part', async () => {
    const slow = slowStore();
    const log = await RunLog.open(slow.store, 'r', { kind: 'sentiment', partsTotal: 3, total: 3 });
    const writes = [log.submitted(0, 'j0'), log.submitted(1, 'j1'), log.submitted(2, 'j2')];
    let settled = false;
    const all = Promise.all(writes).then(() => (settled = true));
    for (let turns = 0; !settled && turns < 100; turns++) {
      await new Promise((r) => setImmediate(r));
      slow.pending.shift()?.();
    }
    await all;
    expect(slow.stats().maxInFlight).toBe(1);
    expect(slow.stats().last).toEqual({
      format: 'pulse-rx.run/1',
      kind: 'sentiment',
      partsTotal: 3,
      total: 3,
      parts: { 0: { jobId: 'j0' }, 1: { jobId: 'j1' }, 2: { jobId: 'j2' } },
    });
  });

  it('derives part idempotency keys from the run key', async () => {
    const log = await RunLog.open(new MemoryRunStore(), 'survey', { kind: 'sentiment', partsTotal: 2, total: 9 });
    expect([log.idempotencyKey(0), log.idempotencyKey(1)]).toEqual(['survey.part-0', 'survey.part-1']);
  });
});
