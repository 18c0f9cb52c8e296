import nock from 'nock';
import { count, forkJoin, from, lastValueFrom } from 'rxjs';
import { analyzeSentiment } from 'pulse-rx';
import { pooledAxios } from 'pulse-rx/node';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { emulatorClient } from '../helpers/emulatorClient';

/** Distinct TCP connections the emulator saw (its journal numbers each request's connection). */
const connections = (emulator: Emulator) => new Set(emulator.journal().map((e) => e.connection)).size;

describe('pooling by default in Node', () => {
  // nock's interceptor (installed for every spec file) sends each request on a new socket,
  // keep-alive agents or not: these tests measure the real node:http.
  beforeAll(() => nock.restore());
  let emulator: Emulator;
  beforeEach(async () => {
    emulator = await startEmulator({ jobDurationMs: 50, embeddingDimensions: 8 });
  });
  afterEach(() => emulator.close());

  it('a 20,000-text run at concurrency 8 opens at most maxInFlight + 1 connections', async () => {
    const client = emulatorClient(emulator, { maxInFlight: 8 });
    const texts = Array.from({ length: 20_000 }, (_, i) => `Review ${i}: the staff were ${i % 3 ? 'friendly' : 'rude'}`);
    try {
      const n = await lastValueFrom(from(texts).pipe(analyzeSentiment(client, { batchSize: 500, concurrency: 8, fast: false }), count()));
      expect(n).toBe(20_000);
    } finally {
      client.close();
    }
    const journal = emulator.journal();
    expect(journal.filter((e) => e.method === 'POST' && e.path === '/v1/sentiment')).toHaveLength(40);
    // 40 submissions, their polls, 40 downloads and a token: every request but a few reuses a socket.
    expect(journal.length).toBeGreaterThan(120);
    expect(connections(emulator)).toBeLessThanOrEqual(8 + 1);
  });

  it('close() destroys the pooled sockets: a later client opens its own', async () => {
    const client = emulatorClient(emulator, { maxInFlight: 2 });
    await lastValueFrom(client.getHealth());
    await lastValueFrom(client.getHealth());
    expect(connections(emulator)).toBe(1);
    client.close();
    const other = emulatorClient(emulator, { maxInFlight: 2 });
    await lastValueFrom(other.getHealth());
    other.close();
    expect(connections(emulator)).toBe(2);
  });

  it('pooledAxios(8) with 10 calls in flight, three times: 10 connections, none closed and reopened', async () => {
    const client = emulatorClient(emulator, { axios: pooledAxios(8), maxInFlight: 10 });
    try {
      for (let round = 0; round < 3; round++) {
        const calls = Array.from({ length: 10 }, (_, i) => client.analyzeSentiment({ inputs: [`round ${round} text ${i}`], fast: true }));
        await lastValueFrom(forkJoin(calls));
      }
    } finally {
      client.close();
    }
    expect(emulator.journal().filter((e) => e.path === '/v1/sentiment')).toHaveLength(30);
    expect(connections(emulator)).toBeLessThanOrEqual(10 + 1);
  });
});
