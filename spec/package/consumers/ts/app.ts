// Type-checked by TypeScript with moduleResolution node16 (CommonJS and ESM) and bundler.
import { firstValueFrom } from 'rxjs';
import { Redis } from 'ioredis';
import { PulseClient, PulseValidationError, RateLimitError, SentimentResult, type SentimentResponse } from 'pulse-rx';
import { readTextsFile, sentimentAnalysis, loadWorkflowFile } from 'pulse-rx/node';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { createInMemoryPulse, type InMemoryPulse } from 'pulse-rx/testing';
import { createPulseQueue, createPulseWorker, enqueueAnalysis, FleetRateLimit, type PulseWorkerOptions } from 'pulse-rx/bullmq';

export async function run(): Promise<number> {
  const emulator: Emulator = await startEmulator();
  const client = PulseClient.withToken('t', { baseUrl: emulator.url });
  const response: SentimentResponse = await firstValueFrom(client.analyzeSentiment({ inputs: ['great'], fast: true }));
  const result: SentimentResult = await firstValueFrom(sentimentAnalysis('reviews.csv', { column: 'comment', client }));
  const texts$ = readTextsFile('reviews.csv', { column: 'comment' });
  const workflow$ = loadWorkflowFile('pipeline.yaml');
  // @ts-expect-error inputs must be strings: the types are real, not any.
  client.analyzeSentiment({ inputs: [5] });
  const e: unknown = new RateLimitError({ status: 429, message: 'slow down' });
  if (RateLimitError.is(e)) console.log(e.retryAfterMs);
  if (e instanceof PulseValidationError) console.log(e.field);
  client.close();
  await emulator.close();
  void texts$;
  void workflow$;
  return response.results.length + result.summary().total;
}

/** pulse-rx/testing: the API in memory, for the core's client. */
export async function inMemory(): Promise<string> {
  const pulse: InMemoryPulse = createInMemoryPulse({ jobDurationMs: 0 });
  const client = PulseClient.withToken('t', { baseUrl: pulse.baseUrl, axios: pulse.axios });
  const { results } = await firstValueFrom(client.analyzeSentiment({ inputs: ['Lovely staff'], fast: true }));
  return results[0]!.sentiment;
}

/** pulse-rx/bullmq: a worker sharing the fleet's limit, a queue, one analysis. */
export async function fleet(redis: Redis): Promise<number> {
  const connection = { host: '127.0.0.1', port: 6379 };
  const options: PulseWorkerOptions = {
    connection,
    clientFactory: ({ sharedRateLimit }) => PulseClient.fromEnv({ sharedRateLimit }),
    rateLimit: { requestsPerSecond: 50 },
  };
  const worker = createPulseWorker(options);
  // @ts-expect-error a misspelt option is a type error too (and a PulseValidationError at run time).
  createPulseWorker({ ...options, concurency: 2 });
  const limit: FleetRateLimit = new FleetRateLimit(redis, { requestsPerSecond: 50, headroom: 0.1 });
  const queue = createPulseQueue({ connection });
  const job = await enqueueAnalysis(queue, { kind: 'sentiment', request: { inputs: ['great'] }, partSize: 100 });
  await worker.close();
  return (await limit.acquire()) + Number(job.id);
}
