import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { PulseBatchError, PulseClient, type JobEvent, type SentimentResponse } from 'pulse-rx';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { emulatorClient } from '../helpers/emulatorClient';
import { startRecordingServer, until } from '../helpers/recordingServer';

const texts = (n: number) => Array.from({ length: n }, (_, i) => `the ride was ${i % 3 ? 'great' : 'poor'} on day ${i}`);
const kinds = (events: JobEvent<unknown>[]) => events.map((e) => e.type);

describe("observe: 'events' on a call split into parts", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ jobDurationMs: 10, embeddingDimensions: 16 });
  });
  afterAll(() => emulator.close());

  it('streams a progress event per part (in texts), then one stitched result equal to the body', async () => {
    const client = emulatorClient(emulator);
    const inputs = texts(450); // fast: 3 synchronous parts of 200, 200, 50
    const events$ = client.analyzeSentiment({ inputs, fast: true }, { observe: 'events', concurrency: 2 });
    const events = await lastValueFrom(events$.pipe(toArray()));
    expect(kinds(events)).toEqual(['progress', 'progress', 'progress', 'result']);
    const progress = events.filter((e) => e.type === 'progress');
    expect(progress.map((e) => [e.partsDone, e.partsTotal, e.total])).toEqual([
      [1, 3, 450],
      [2, 3, 450],
      [3, 3, 450],
    ]);
    expect(progress.at(-1)).toMatchObject({ done: 450 });
    const body = await firstValueFrom(client.analyzeSentiment({ inputs, fast: true }));
    const result = events.at(-1) as Extract<JobEvent<SentimentResponse>, { type: 'result' }>;
    expect(result.data.results).toEqual(body.results);
    expect(result.data.usage).toEqual(body.usage);
  });

  it('tags each part job\'s submitted and status events with { part, of }', async () => {
    const client = emulatorClient(emulator);
    const inputs = texts(5001); // as jobs: parts of 5,000 and 1
    const events$ = client.analyzeSentiment({ inputs, fast: false }, { observe: 'events' });
    const events = await lastValueFrom(events$.pipe(toArray()));
    const submitted = events.filter((e) => e.type === 'submitted');
    expect(submitted.map((e) => [e.part, e.of]).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const statuses = events.filter((e) => e.type === 'status');
    expect(statuses.every((e) => e.of === 2 && (e.part === 0 || e.part === 1))).toBe(true);
    const progress = events.filter((e) => e.type === 'progress');
    expect(progress.map((e) => e.partsDone)).toEqual([1, 2]);
    expect(progress.at(-1)).toMatchObject({ done: 5001, total: 5001 });
    const last = events.at(-1)!;
    expect(last.type).toBe('result');
    expect(last.type === 'result' && last.data.results).toHaveLength(5001);
    expect(events.filter((e) => e.type === 'result')).toHaveLength(1);
  });

  it('counts similarity progress in pairs of texts', async () => {
    const client = emulatorClient(emulator);
    const set = texts(520); // 10 blocks
    const events$ = client.compareSimilarity({ set, fast: true }, { observe: 'events' });
    const events = await lastValueFrom(events$.pipe(toArray()));
    const progress = events.filter((e) => e.type === 'progress');
    expect(progress).toHaveLength(10);
    const pairs = (520 * 519) / 2;
    expect(progress.at(-1)).toEqual({ type: 'progress', done: pairs, total: pairs, partsDone: 10, partsTotal: 10 });
    expect(events.at(-1)).toMatchObject({ type: 'result', data: { n: 520 } });
  });

  it('a sampled call (themes over the limit) is one part', async () => {
    const client = emulatorClient(emulator);
    const events$ = client.generateThemes({ inputs: texts(300), fast: true }, { observe: 'events' });
    const events = await lastValueFrom(events$.pipe(toArray()));
    expect(kinds(events)).toEqual(['progress', 'result']);
    expect(events[0]).toEqual({ type: 'progress', done: 200, total: 200, partsDone: 1, partsTotal: 1 });
  });

  it('a failing part fails the events stream with PulseBatchError', async () => {
    const client = emulatorClient(emulator, { maxRetries: 0 });
    emulator.faults.add({ path: '/sentiment', action: { type: 'status', status: 400 }, times: 1 });
    try {
      const events$ = client.analyzeSentiment({ inputs: texts(450), fast: true }, { observe: 'events', concurrency: 1 });
      const outcome = await lastValueFrom(events$).catch((e: unknown) => e);
      expect(outcome).toBeInstanceOf(PulseBatchError);
      expect(outcome).toMatchObject({ batchIndex: 0, batchCount: 3 });
    } finally {
      emulator.reset();
    }
  });
});

describe("observe: 'events' on a split call, cancelled", () => {
  it('unsubscribing aborts every part in flight', async () => {
    const server = await startRecordingServer(() => undefined); // never answers
    const client = PulseClient.withToken('t', { baseUrl: `${server.url}/v1`, maxRetries: 0 });
    try {
      const events$ = client.analyzeSentiment({ inputs: texts(450), fast: true }, { observe: 'events', concurrency: 3 });
      const sub = events$.subscribe();
      await until(() => server.received.length === 3);
      sub.unsubscribe();
      await until(() => server.aborted.length === 3);
      expect(server.aborted).toEqual(['/v1/sentiment', '/v1/sentiment', '/v1/sentiment']);
    } finally {
      client.close();
      await server.close();
    }
  });
});
