import { QueueEvents, type Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { firstValueFrom } from 'rxjs';
import { PulseClient, PulseValidationError } from 'pulse-rx';
import {
  createPulseQueue,
  createPulseWorker,
  enqueueAnalysis,
  FleetRateLimit,
  RedisRunStore,
  type PulseJobData,
} from 'pulse-rx/bullmq';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { emulatorClient } from '../helpers/emulatorClient';
import { startRedisServer, type RedisServer } from '../helpers/redisServer';

let server: RedisServer;
let redis: Redis;
let emulator: Emulator;
const connection = () => ({ host: server.host, port: server.port });

beforeAll(async () => {
  server = await startRedisServer();
  redis = new Redis(server.port, server.host, { maxRetriesPerRequest: null });
  emulator = await startEmulator({ port: 0, jobDurationMs: 30 });
});
afterAll(async () => {
  redis.disconnect();
  await emulator.close();
  await server.stop();
});
beforeEach(async () => {
  await redis.flushall();
  emulator.reset();
});

const texts = (n: number) => Array.from({ length: n }, (_, i) => `review ${i}: the ${i % 3 ? 'staff were lovely' : 'queue was awful'}`);

describe('RedisRunStore', () => {
  it('keeps JSON records under the prefix, replaces them whole and deletes them', async () => {
    const store = new RedisRunStore(redis, { prefix: 't:' });
    expect(await store.get('run-1')).toBeUndefined();
    await store.put('run-1', { parts: [{ jobId: 'a' }] });
    await store.put('run-1', { parts: [{ jobId: 'b' }], done: true });
    expect(await store.get('run-1')).toEqual({ parts: [{ jobId: 'b' }], done: true });
    expect(await redis.ttl('t:run-1')).toBeGreaterThan(0);
    await store.delete('run-1');
    await store.delete('run-1');
    expect(await redis.exists('t:run-1')).toBe(0);
  });

  it('refuses empty keys and non-object records with a typed error', async () => {
    const store = new RedisRunStore(redis);
    await expect(store.put('', {})).rejects.toThrow(PulseValidationError);
    await expect(store.put('k', [] as never)).rejects.toMatchObject({ field: 'record' });
    expect(() => new RedisRunStore(redis, { ttlSeconds: 0 })).toThrow(expect.objectContaining({ field: 'ttlSeconds' }));
  });
});

describe('FleetRateLimit', () => {
  it('grants tokens to every sharer at the fleet rate, on one clock (Redis time)', async () => {
    const other = new Redis(server.port, server.host);
    try {
      const a = new FleetRateLimit(redis, { requestsPerSecond: 20, key: 'org', headroom: 0 });
      const b = new FleetRateLimit(other, { requestsPerSecond: 20, key: 'org', headroom: 0 });
      const grants = await Promise.all([...Array(12)].map((_, i) => (i % 2 ? a : b).acquire()));
      grants.sort((x, y) => x - y);
      // Burst 1 at 20/s: each token after the first is at least 50 ms after the one before,
      // by Redis's clock, however the two processes raced (whole ms: allow 1 ms rounding).
      for (let i = 1; i < grants.length; i++) expect(grants[i]! - grants[i - 1]!).toBeGreaterThanOrEqual(49);
    } finally {
      other.disconnect();
    }
  });

  it('admits at most the limit in any window of a second stretched by the headroom, however many slots a burst lends', async () => {
    // 20/s with 20% headroom: a burst of 20 slots is lent at once, but the 21st request is
    // admitted only once the first is 1,250 ms old (a second / (1 - 0.2)).
    const limit = new FleetRateLimit(redis, { requestsPerSecond: 20, burst: 20, headroom: 0.2, key: 'window' });
    expect(limit.windowMs).toBe(1250);
    const start = Date.now();
    const admitted: number[] = [];
    await Promise.all([...Array(21)].map(() => limit.acquire().then(() => admitted.push(Date.now() - start))));
    admitted.sort((x, y) => x - y);
    expect(admitted[20]! - admitted[0]!).toBeGreaterThanOrEqual(1250 - 5);
  });

  it('holds every sharer through a pause set by one of them', async () => {
    const a = new FleetRateLimit(redis, { requestsPerSecond: 1000, key: 'org' });
    const b = new FleetRateLimit(redis, { requestsPerSecond: 1000, key: 'org' });
    expect(await a.pause(200)).toBe(200);
    // The pause ends at a time on Redis's clock, the same for every sharer.
    const pauseEnd = Number(await redis.get('org:pause'));
    expect(await b.pausedForMs()).toBeGreaterThan(0);
    const granted = await b.acquire();
    expect(granted).toBeGreaterThanOrEqual(pauseEnd);
  });

  it('rejects bad options by name', () => {
    expect(() => new FleetRateLimit(redis, { requestsPerSecond: 0 })).toThrow(expect.objectContaining({ field: 'requestsPerSecond' }));
    expect(() => new FleetRateLimit(redis, { requestsPerSecond: 5, burst: 1.5 })).toThrow(expect.objectContaining({ field: 'burst' }));
    expect(() => new FleetRateLimit(redis, { requestsPerSecond: 5, headroom: 1 })).toThrow(expect.objectContaining({ field: 'headroom' }));
    // The schedule keeps 8% of the organisation's limit unused by default (late senders' margin).
    expect(new FleetRateLimit(redis, { requestsPerSecond: 50 }).scheduledPerSecond).toBeCloseTo(46);
  });

  it("a 429 answered to one client pauses another client's requests until its Retry-After passes", async () => {
    emulator.faults.set([{ method: 'POST', path: '/sentiment', action: { type: 'status', status: 429, retryAfter: 1 }, times: 1 }]);
    const limitA = new FleetRateLimit(redis, { requestsPerSecond: 1000, key: 'org' });
    const limitB = new FleetRateLimit(redis, { requestsPerSecond: 1000, key: 'org' });
    const a = emulatorClient(emulator, { sharedRateLimit: limitA, maxRetries: 0 });
    const b = emulatorClient(emulator, { sharedRateLimit: limitB });
    try {
      await expect(firstValueFrom(a.analyzeSentiment({ inputs: ['one'], fast: true }))).rejects.toMatchObject({ status: 429 });
      const paused = await limitB.pausedForMs();
      expect(paused).toBeGreaterThan(0);
      const before = Date.now();
      await firstValueFrom(b.analyzeSentiment({ inputs: ['two'], fast: true }));
      const sent = emulator.journal().filter((e) => e.path.endsWith('/sentiment'));
      expect(sent).toHaveLength(2);
      // B's request reached the server only once the fleet's pause had passed.
      expect(sent[1]!.at).toBeGreaterThanOrEqual(before + paused - 5);
    } finally {
      a.close();
      b.close();
    }
  });
});

describe('queue and workers', () => {
  let queue: Queue<PulseJobData>;
  let events: QueueEvents;
  beforeEach(async () => {
    queue = createPulseQueue({ connection: connection(), name: 'q' });
    events = new QueueEvents('q', { connection: connection() });
    await events.waitUntilReady();
  });
  afterEach(async () => {
    await events.close();
    await queue.close();
  });

  it('refuses a bad analysis by field and enqueues nothing', async () => {
    await expect(enqueueAnalysis(queue, { kind: 'sentimental' as never, request: { inputs: ['x'] } })).rejects.toMatchObject({
      name: 'PulseValidationError',
      field: 'kind',
    });
    await expect(enqueueAnalysis(queue, { kind: 'sentiment', request: { inputs: ['ok', ''] } })).rejects.toMatchObject({
      field: 'inputs[1]',
    });
    await expect(enqueueAnalysis(queue, { kind: 'themes', request: { inputs: ['a', 'b'] }, partSize: 1 })).rejects.toMatchObject({
      field: 'partSize',
    });
    await expect(enqueueAnalysis(queue, { kind: 'sentiment', request: { inputs: ['a'] }, runId: 'a:b' })).rejects.toMatchObject({
      field: 'runId',
    });
    expect(await queue.count()).toBe(0);
  });

  it('runs a fanned-out analysis on two workers and gathers it in input order, as one client would answer', async () => {
    const inputs = texts(50);
    const make = () =>
      createPulseWorker({
        connection: connection(),
        queueName: 'q',
        clientFactory: ({ sharedRateLimit }) => emulatorClient(emulator, { sharedRateLimit }),
        rateLimit: { requestsPerSecond: 500, key: 'org' },
        concurrency: 2,
      });
    const workers = [make(), make()];
    const direct = emulatorClient(emulator);
    try {
      const job = await enqueueAnalysis(queue, { kind: 'sentiment', request: { inputs }, runId: 'survey', partSize: 20 });
      const result = (await job.waitUntilFinished(events, 60_000)) as { results: { sentiment: string }[] };
      const expected = await firstValueFrom(direct.analyzeSentiment({ inputs }));
      expect(result.results).toEqual(expected.results);
      expect(result.results).toHaveLength(50);
      // Enqueuing the same run again is a no-op: BullMQ keeps one job per run id.
      const again = await enqueueAnalysis(queue, { kind: 'sentiment', request: { inputs }, runId: 'survey', partSize: 20 });
      expect(again.id).toBe('survey');
    } finally {
      direct.close();
      await Promise.all(workers.map((w) => w.close()));
    }
  });

  it('reports progress in input items through BullMQ job progress', async () => {
    const worker = createPulseWorker({
      connection: connection(),
      queueName: 'q',
      client: emulatorClient(emulator),
      concurrency: 1,
    });
    const progress: unknown[] = [];
    events.on('progress', ({ data }) => progress.push(data));
    try {
      const job = await enqueueAnalysis(queue, { kind: 'sentiment', request: { inputs: texts(450), fast: true } });
      await job.waitUntilFinished(events, 60_000);
      expect(progress.length).toBeGreaterThan(0);
      expect(progress[0]).toEqual({ done: 0, total: 450 });
      expect(progress).toContainEqual({ done: 200, total: 450 });
      expect(progress[progress.length - 1]).toEqual({ done: 450, total: 450 });
    } finally {
      await worker.close();
    }
  });

  it('rejects worker options by name before connecting', () => {
    expect(() => createPulseWorker({ connection: connection() } as never)).toThrow(expect.objectContaining({ field: 'client' }));
    expect(() =>
      createPulseWorker({ connection: connection(), client: new PulseClient({ baseUrl: emulator.url }), rateLimit: { requestsPerSecond: 5 } }),
    ).toThrow(expect.objectContaining({ field: 'rateLimit' }));
    expect(() => createPulseWorker({ connection: connection(), clientFactory: () => new PulseClient(), concurrency: 0 })).toThrow(
      expect.objectContaining({ field: 'concurrency' }),
    );
  });
});
