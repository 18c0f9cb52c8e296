/**
 * One worker process of the fleet soak, from the BUILT package (dist/): what npm installs.
 * Env: PULSE_DIST (the dist folder), REDIS_PORT, QUEUE, BASE_URL, TOKEN_URL, CLIENT_ID,
 * CLIENT_SECRET, RPS (the fleet's shared limit; 0 for none), CONCURRENCY.
 * Prints "ready" once connected; runs until killed or sent SIGTERM.
 */
const { join } = require('node:path');
const dist = process.env.PULSE_DIST;
const { PulseClient } = require(join(dist, 'index.js'));
const { createPulseWorker } = require(join(dist, 'bullmq.js'));

const rps = Number(process.env.RPS || 0);
const worker = createPulseWorker({
  connection: { host: '127.0.0.1', port: Number(process.env.REDIS_PORT) },
  queueName: process.env.QUEUE,
  name: `pid-${process.pid}`,
  concurrency: Number(process.env.CONCURRENCY || 4),
  ...(rps > 0 ? { rateLimit: { requestsPerSecond: rps, key: `${process.env.QUEUE}:limit` } } : {}),
  lockDuration: 2000,
  stalledInterval: 1000,
  clientFactory: ({ sharedRateLimit }) =>
    PulseClient.withClientCredentials({
      baseUrl: process.env.BASE_URL,
      tokenUrl: process.env.TOKEN_URL,
      clientId: process.env.CLIENT_ID,
      clientSecret: process.env.CLIENT_SECRET,
      poll: { strategy: 'exponential', minIntervalMs: 50, maxIntervalMs: 250 },
      retry: { initialDelayMs: 20, maxDelayMs: 200 },
      maxRetries: 6,
      ...(sharedRateLimit ? { sharedRateLimit } : {}),
    }),
});
worker.on('error', (e) => process.stderr.write(`worker error: ${e.message}\n`));
worker.waitUntilReady().then(() => process.stdout.write('ready\n'));
process.on('SIGTERM', () => worker.close().then(() => process.exit(0)));
