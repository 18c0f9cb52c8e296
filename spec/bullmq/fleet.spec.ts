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

/** The clients connected to the redis-server, id to name. */
const clients = async () =>
  new Map(
    String(await redis.client('LIST'))
      .trim()
      .split('\n')
      .map((line) => [/\bid=(\d+)/.exec(line)![1]!, /\bname=(\S*)/.exec(line)?.[1] ?? ''] as const),
  );
/** The connections opened since `before` (id to name); those of earlier tests may still be closing. */
const openedSince = async (before: Map<string, string>) => new Map([...(await clients())].filter(([id]) => !before.has(id)));
/** How many of them are the worker's own. */
const ownSince = async (before: Map<string, string>) =>
  [...(await openedSince(before)).values()].filter((name) => name === 'pulse-rx:worker').length;
/** Waits (at most 20 s) until every connection opened since `before` is closed (the server sees hang-ups a little later); the names of those left. */
const leftOpen = async (before: Map<string, string>) => {
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 20))) {
    if ((await openedSince(before)).size === 0) break;
  }
  return [...(await openedSince(before)).values()];
};

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
    // Measured from before the first request: a loaded machine can only make the first answer
    // late (and the gap between answers short), never the 21st admission early. Without the
    // window the 21st would come one slot (62 ms) after the burst.
    expect(admitted[20]!).toBeGreaterThanOrEqual(1250 - 2);
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

  it('keeps 8% of the organisation\'s limit unused by default (late senders\' margin)', () => {
    expect(new FleetRateLimit(redis, { requestsPerSecond: 50 }).scheduledPerSecond).toBeCloseTo(46);
  });

  it('a client takes its bearer token before its slot, so an admitted request leaves at once', async () => {
    const before = emulator.journal().length;
    const limit = new FleetRateLimit(redis, { requestsPerSecond: 1000, key: 'token-first' });
    const seenAtAcquire: string[][] = [];
    // The shared limit as the client sees it: what had reached the service when each slot was asked for.
    const shared = {
      acquire: (signal: AbortSignal) => {
        seenAtAcquire.push(emulator.journal().slice(before).map((e) => e.path.split('?')[0]!));
        return limit.acquire(signal);
      },
      pause: (ms: number) => limit.pause(ms),
    };
    const client = emulatorClient(emulator, { sharedRateLimit: shared });
    try {
      await firstValueFrom(client.analyzeSentiment({ inputs: ['one', 'two'], fast: true }));
    } finally {
      client.close();
    }
    expect(seenAtAcquire).toEqual([['/oauth/token']]);
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

  const runOne = async () => {
    const job = await enqueueAnalysis(queue, { kind: 'sentiment', request: { inputs: ['fine'], fast: true } });
    await job.waitUntilFinished(events, 60_000);
  };

  it('opens no Redis connection of its own when neither a fleet limit nor the Redis run store needs one', async () => {
    await queue.waitUntilReady();
    const before = await clients();
    const client = emulatorClient(emulator);
    const worker = createPulseWorker({ connection: connection(), queueName: 'q', client, runStore: false });
    try {
      await worker.waitUntilReady();
      await runOne();
      expect(await ownSince(before)).toBe(0);
      // BullMQ's own are seen (the count is of something).
      expect((await openedSince(before)).size).toBeGreaterThan(0);
    } finally {
      await worker.close();
      client.close();
    }
    expect(await leftOpen(before)).toEqual([]);
  });

  it('opens its own connection at the first job that needs it, and close() closes exactly what it opened', async () => {
    await queue.waitUntilReady();
    const before = await clients();
    const worker = createPulseWorker({
      connection: connection(),
      queueName: 'q',
      clientFactory: ({ sharedRateLimit }) => emulatorClient(emulator, { sharedRateLimit }),
      rateLimit: { requestsPerSecond: 100, key: 'org' },
    });
    try {
      await worker.waitUntilReady();
      expect(await ownSince(before)).toBe(0);
      await runOne();
      await runOne();
      // One connection, shared by the fleet's limit and the run store, however many jobs.
      expect(await ownSince(before)).toBe(1);
    } finally {
      await worker.close();
    }
    expect(await leftOpen(before)).toEqual([]);
  });

  it('with an ioredis instance as its connection, closes its own copy of it and leaves the instance open', async () => {
    const shared = new Redis(server.port, server.host, { maxRetriesPerRequest: null });
    try {
      await queue.waitUntilReady();
      await shared.ping();
      const before = await clients();
      const client = emulatorClient(emulator);
      const worker = createPulseWorker({ connection: shared, queueName: 'q', client });
      try {
        await runOne();
        expect(await ownSince(before)).toBe(1);
      } finally {
        await worker.close();
        client.close();
      }
      expect(await leftOpen(before)).toEqual([]);
      expect(await shared.ping()).toBe('PONG');
    } finally {
      shared.disconnect();
    }
  });
});

describe('options', () => {
  let given: PulseClient;
  const client = () => given;
  const factory = () => given;
  const request = { inputs: ['fine'] };
  let queue: Queue<PulseJobData>;
  beforeAll(async () => {
    given = emulatorClient(emulator);
    queue = createPulseQueue({ connection: connection(), name: 'opts' });
    await queue.waitUntilReady();
  });
  afterAll(async () => {
    given.close();
    await queue.close();
  });

  /** The error `run` throws or rejects with. */
  const caught = async (run: () => unknown): Promise<unknown> => {
    try {
      await run();
    } catch (e) {
      return e;
    }
    throw new Error('no error');
  };

  it.each<[string, () => unknown, string, RegExp]>([
    ['limit: not positive', () => new FleetRateLimit(redis, { requestsPerSecond: 0 }), 'requestsPerSecond', /positive/],
    ['limit: none', () => new FleetRateLimit(redis, undefined as never), 'requestsPerSecond', /positive/],
    ['limit: misspelt', () => new FleetRateLimit(redis, { requestPerSecond: 5 } as never), 'requestPerSecond', /^requestPerSecond: unknown option; did you mean requestsPerSecond\?$/],
    ['limit: burst', () => new FleetRateLimit(redis, { requestsPerSecond: 5, burst: 1.5 }), 'burst', /integer/],
    ['limit: headroom', () => new FleetRateLimit(redis, { requestsPerSecond: 5, headroom: 1 }), 'headroom', /less than 1/],
    ['limit: key', () => new FleetRateLimit(redis, { requestsPerSecond: 5, key: '' }), 'key', /empty/],
    ['limit: no redis', () => new FleetRateLimit({} as never, { requestsPerSecond: 5 }), 'redis', /ioredis/],
    ['store: ttl', () => new RedisRunStore(redis, { ttlSeconds: 0 }), 'ttlSeconds', /positive integer/],
    ['store: unknown, nothing near', () => new RedisRunStore(redis, { ttl: 60 } as never), 'ttl', /^ttl: unknown option$/],
    ['store: case', () => new RedisRunStore(redis, { Prefix: 'x' } as never), 'Prefix', /did you mean prefix\?/],
    ['queue: no connection', () => createPulseQueue({} as never), 'connection', /Redis connection/],
    ['queue: misspelt', () => createPulseQueue({ connection: connection(), nmae: 'x' } as never), 'nmae', /did you mean name\?/],
    ['queue: name', () => createPulseQueue({ connection: connection(), name: 'a:b' }), 'name', /letters, digits/],
    ['worker: neither client', () => createPulseWorker({ connection: connection() } as never), 'client', /exactly one/],
    ['worker: limit with a client', () => createPulseWorker({ connection: connection(), client: client(), rateLimit: { requestsPerSecond: 5 } }), 'rateLimit', /clientFactory/],
    ['worker: concurrency', () => createPulseWorker({ connection: connection(), clientFactory: factory, concurrency: 0 }), 'concurrency', /positive integer/],
    ['worker: misspelt', () => createPulseWorker({ connection: connection(), client: client(), concurency: 2 } as never), 'concurency', /did you mean concurrency\?/],
    ['worker: nested', () => createPulseWorker({ connection: connection(), clientFactory: factory, rateLimit: { requestsPerSecond: -1 } }), 'rateLimit.requestsPerSecond', /positive/],
    ['worker: nested misspelt', () => createPulseWorker({ connection: connection(), clientFactory: factory, rateLimit: { requestsPerSecond: 5, brust: 2 } as never }), 'rateLimit.brust', /did you mean burst\?/],
    ['worker: run store', () => createPulseWorker({ connection: connection(), client: client(), runStore: {} as never }), 'runStore', /RunStore/],
    ['worker: lock beyond timers', () => createPulseWorker({ connection: connection(), client: client(), lockDuration: 2 ** 31 }), 'lockDuration', /2147483647/],
    ['worker: queue name', () => createPulseWorker({ connection: connection(), client: client(), queueName: 'a:b' }), 'queueName', /letters, digits/],
    ['enqueue: misspelt', () => enqueueAnalysis(queue, { kind: 'sentiment', request, partsize: 10 } as never), 'partsize', /did you mean partSize\?/],
    ['enqueue: kind', () => enqueueAnalysis(queue, { kind: 'sentimental' as never, request }), 'kind', /one of .*sentiment/],
    ['enqueue: not a queue', () => enqueueAnalysis({} as never, { kind: 'sentiment', request }), 'queue', /createPulseQueue/],
  ])('%s: a PulseValidationError naming the option, before anything is opened or enqueued', async (_label, run, field, message) => {
    const before = await clients();
    const error = await caught(run);
    expect(error).toBeInstanceOf(PulseValidationError);
    expect(error).toMatchObject({ field });
    expect((error as Error).message).toMatch(message);
    expect(await queue.count()).toBe(0);
    expect([...(await openedSince(before)).values()]).toEqual([]);
  });
});
