// One scenario, run by every JavaScript consumer with the modules it loaded its own way
// (require, import, or both). It returns plain facts the test compares.
const { join } = require('node:path');
// The app's own ioredis (pulse-rx/bullmq's peer), to look at what the fleet wrote.
const { Redis } = require('ioredis');

module.exports = async function scenario({ core, node, emulator, testing, bullmq, rxjs, dir, redisPort, client: given }) {
  const { firstValueFrom, switchMap } = rxjs;
  const e = await emulator.startEmulator({ jobDurationMs: 30 });
  const client =
    given?.(e) ??
    core.PulseClient.withClientCredentials({
      baseUrl: e.url, tokenUrl: e.tokenUrl, clientId: e.clientId, clientSecret: e.clientSecret,
      poll: { minIntervalMs: 10, maxIntervalMs: 40 },
    });
  const facts = {};
  const failure = async (run) => {
    try {
      await run();
      return 'no error';
    } catch (err) {
      return {
        name: err.name,
        // One copy of each class per module system: the Node entry's error is the core's class.
        sameCopy: Object.getPrototypeOf(err) === core[err.name]?.prototype,
        pulseError: err instanceof core.PulseError,
        isPulseError: core.PulseError.is(err),
        validation: err instanceof core.PulseValidationError,
        apiError: err instanceof core.PulseApiError,
        rateLimit: err instanceof core.RateLimitError || core.RateLimitError.is(err),
      };
    }
  };
  try {
    // A client from the core entry, used by the Node entry's file starter.
    const sentiment = await firstValueFrom(node.sentimentAnalysis(join(dir, 'reviews.csv'), { column: 'comment', client }));
    facts.sentiment = { total: sentiment.summary().total, isResult: sentiment instanceof core.SentimentResult };
    // A workflow loaded by the Node entry, run with the core entry's client.
    const results = await firstValueFrom(node.loadWorkflowFile(join(dir, 'pipeline.yaml')).pipe(switchMap((w) => w.run(client))));
    facts.workflow = results.names.sort();
    // Errors raised in one entry, caught with the other's classes.
    facts.missingFile = await failure(() => firstValueFrom(node.readTextsFile(join(dir, 'missing.csv'))));
    e.faults.set([{ path: '/sentiment', action: { type: 'status', status: 503 }, times: 10 }]);
    facts.serverError = await failure(() => firstValueFrom(client.analyzeSentiment({ inputs: ['x'], fast: true })));
    Object.assign(facts, await inMemory({ core, testing, rxjs, failure }));
    facts.typos = await typos({ core, testing, rxjs });
    Object.assign(facts, await fleet({ core, testing, bullmq, rxjs, redisPort, failure }));
  } finally {
    client.close();
    await e.close();
  }
  return facts;
};

const reviews = ['Lovely staff, great rides', 'Cold food and long queues'];

/** pulse-rx/testing: the API in memory answers the core's client; its errors are the core's classes. */
async function inMemory({ core, testing, rxjs, failure }) {
  const pulse = testing.createInMemoryPulse();
  const client = core.PulseClient.withToken('test', { baseUrl: pulse.baseUrl, axios: pulse.axios });
  try {
    const { results } = await rxjs.firstValueFrom(client.analyzeSentiment({ inputs: reviews, fast: true }));
    return {
      inMemory: { sentiments: results.map((r) => r.sentiment), exchanges: pulse.journal().length },
      inMemoryError: await failure(() => testing.createInMemoryPulse({ seed: 'one' })),
    };
  } finally {
    client.close();
  }
}

/** Misspelt or misplaced options, as each entry names them: the message a user reads. */
async function typos({ core, testing, rxjs }) {
  const message = async (run) => {
    try {
      await run();
      return 'no error';
    } catch (err) {
      return `${err.name}: ${err.message}`;
    }
  };
  const client = core.PulseClient.withToken('test', { baseUrl: 'http://127.0.0.1:9' });
  try {
    return [
      await message(() => testing.createInMemoryPulse({ jobDurationMS: 5 })),
      await message(() => core.PulseClient.withToken('test', { poll: { denseIntervalMS: 100 } })),
      await message(() => core.PulseClient.withToken('test', { poll: core.adaptive() })),
      await message(() => rxjs.firstValueFrom(client.analyzeSentiment({ inputs: ['x'], fats: true }))),
      await message(() => new core.SentimentProcess({ fastt: true })),
      await message(() => core.Workflow.fromJSON({ sources: { r: ['a'] }, steps: [{ type: 'sentimnet' }] })),
    ];
  } finally {
    client.close();
  }
}

/**
 * pulse-rx/bullmq on a real redis-server: a queued analysis run by a worker whose client (from
 * the core entry, answered by pulse-rx/testing) shares the fleet's rate limit; a misspelt
 * option is the core's PulseValidationError.
 */
async function fleet({ core, testing, bullmq, rxjs, redisPort, failure }) {
  const connection = { host: '127.0.0.1', port: Number(redisPort) };
  const name = `consumer-${process.pid}`;
  const pulse = testing.createInMemoryPulse();
  const direct = core.PulseClient.withToken('test', { baseUrl: pulse.baseUrl, axios: pulse.axios });
  const redis = new Redis(connection);
  const queue = bullmq.createPulseQueue({ connection, name });
  const worker = bullmq.createPulseWorker({
    connection,
    queueName: name,
    clientFactory: ({ sharedRateLimit }) => core.PulseClient.withToken('test', { baseUrl: pulse.baseUrl, axios: pulse.axios, sharedRateLimit }),
    rateLimit: { requestsPerSecond: 100, key: `${name}:limit` },
    concurrency: 1,
  });
  try {
    const finished = new Promise((resolve, reject) => {
      worker.on('completed', (_job, result) => resolve(result));
      worker.on('failed', (_job, err) => reject(err));
    });
    await bullmq.enqueueAnalysis(queue, { kind: 'sentiment', request: { inputs: reviews, fast: true } });
    const queued = await finished;
    const expected = await rxjs.firstValueFrom(direct.analyzeSentiment({ inputs: reviews, fast: true }));
    return {
      fleet: {
        results: queued.results.length,
        sameAsOneClient: JSON.stringify(queued.results) === JSON.stringify(expected.results),
        limitedOnRedis: (await redis.exists(`${name}:limit:next`)) === 1,
      },
      fleetError: await failure(() => bullmq.createPulseQueue({ connection, nmae: 'typo' })),
    };
  } finally {
    direct.close();
    redis.disconnect();
    await worker.close();
    await queue.close();
  }
}
