import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { firstValueFrom, toArray } from 'rxjs';
import { analyzeSentiment, FlowControl, PulseValidationError } from 'pulse-rx';
import { pooledAxios, readTextRecords, readTexts, recommendedPoolConfig } from 'pulse-rx/node';
import { startEmulator } from 'pulse-rx/emulator';
import { emulatorClient } from '../helpers/emulatorClient';
import { failure } from '../helpers/failure';

const dir = mkdtempSync(join(tmpdir(), 'pulse-rx-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const read = (path: string, options = {}) => firstValueFrom(readTexts(path, options).pipe(toArray()));

describe('readTexts', () => {
  it('reads .txt lines, skipping blank ones', async () => {
    expect(await read(file('a.txt', 'one\n\ntwo\r\nthree'))).toEqual(['one', 'two', 'three']);
  });

  it('reads quoted CSV fields with delimiters, newlines and doubled quotes, with their line numbers', async () => {
    const path = file('q.csv', 'id,comment\r\n1,"Great, really ""great"" fun"\n2,"two\nlines"\n\n3,plain');
    expect(await read(path, { column: 'comment' })).toEqual(['Great, really "great" fun', 'two\nlines', 'plain']);
    const records = await firstValueFrom(readTextRecords(path, { column: 'comment', idColumn: 'id' }).pipe(toArray()));
    expect(records).toEqual([
      { text: 'Great, really "great" fun', line: 2, id: '1' },
      { text: 'two\nlines', line: 3, id: '2' },
      { text: '', line: 5, id: '' },
      { text: 'plain', line: 6, id: '3' },
    ]);
  });

  it('reads a named CSV column and a numbered TSV column', async () => {
    expect(await read(file('a.csv', 'id,comment\n1,"a, b"\n2,"multi\nline"\n'), { column: 'comment' })).toEqual(['a, b', 'multi\nline']);
    expect(await read(file('a.tsv', 'x\ty\n1\thello\n2\tworld\n'), { column: 1 })).toEqual(['hello', 'world']);
  });

  it('reads JSONL objects and bare strings', async () => {
    expect(await read(file('a.jsonl', '{"text":"first"}\n"second"\n{"text":"third","id":3}\n'))).toEqual(['first', 'second', 'third']);
  });

  it('names an unknown column, a missing file and a bad JSONL line', async () => {
    const col = await failure<PulseValidationError>(read(file('b.csv', 'id,body\n1,x\n'), { column: 'comment' }));
    expect(col).toMatchObject({ name: 'PulseValidationError', field: 'column' });
    expect(col.message).toContain('columns: id, body');
    await expect(read(join(dir, 'missing.txt'))).rejects.toMatchObject({ field: 'path' });
    await expect(read(file('c.jsonl', '{"text":"ok"}\n{oops\n'))).rejects.toMatchObject({ field: 'line 2' });
  });

  it('with FlowControl, reading pauses while the work in flight is at its limit', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `review ${i}: ${'the staff were lovely '.repeat(3)}`);
    const path = file('big.txt', lines.join('\n'));
    const emulator = await startEmulator({ jobDurationMs: 0 });
    try {
      const client = emulatorClient(emulator);
      const flow = new FlowControl(1000);
      let maxPending = 0;
      const results = await firstValueFrom(
        readTexts(path, { flow }).pipe(
          analyzeSentiment(client, { batchSize: 200, concurrency: 2, flow, onProgress: () => (maxPending = Math.max(maxPending, flow.pending)) }),
          toArray(),
        ),
      );
      expect(results).toHaveLength(20_000);
      expect(results.map((r) => r.index)).toEqual(lines.map((_, i) => i));
      // A paused stream still delivers the chunk in hand: at most one 64 KiB chunk over the limit.
      expect(maxPending).toBeLessThan(1000 + 1200);
    } finally {
      await emulator.close();
    }
  });
});

describe('keep-alive pool', () => {
  // nock's interceptor stands between axios and the agent: take it out for real sockets.
  beforeAll(() => nock.restore());
  afterAll(() => nock.activate());

  it.each([
    [1, 4, 4],
    [8, 18, 18],
  ])('sizes the pool for %i concurrent jobs', (jobs, maxSockets, maxFree) => {
    expect(recommendedPoolConfig(jobs)).toEqual({ keepAlive: true, maxSockets, maxFreeSockets: maxFree, timeout: 60_000 });
  });

  it('a pooled client reuses sockets and close() releases them', async () => {
    const emulator = await startEmulator();
    const axios = pooledAxios(2);
    const client = emulatorClient(emulator, { axios });
    try {
      for (let i = 0; i < 3; i++) await firstValueFrom(client.analyzeSentiment({ inputs: ['x'], fast: true }));
      await new Promise((r) => setTimeout(r, 20)); // sockets return to the pool after the response ends
      const agent = axios.defaults.httpAgent as { freeSockets: Record<string, unknown[]> };
      const free = Object.values(agent.freeSockets).flat();
      expect(free.length).toBeGreaterThan(0);
      expect(free.length).toBeLessThanOrEqual(2); // three calls plus a token request, on reused sockets
      client.close();
      expect((free as Array<{ destroyed: boolean }>).every((socket) => socket.destroyed)).toBe(true);
    } finally {
      await emulator.close();
    }
  });
});
