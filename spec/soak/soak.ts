/**
 * The chaos soak: texts through the batching pipeline (`analyzeSentiment`) and through a
 * Workflow against an emulator injecting a seeded fault mix, compared with a fault-free
 * run. Used by `npm run soak` (20,000 texts, prints the table) and, short, by `npm test`.
 */
import { join } from 'node:path';
import { firstValueFrom, from, lastValueFrom, toArray } from 'rxjs';
import { analyzeSentiment, PulseClient, Workflow, type SentimentItem } from '../../src';
import { startEmulator, type Emulator, type FaultRule, type JournalEntry } from '../../src/emulator';
import { readTextsFile } from '../../src/node';

export interface SoakConfig {
  texts: number;
  /** Seed of the emulator's fault draws. */
  seed: number;
  batchSize: number;
  concurrency: number;
  /** Token lifetime, in seconds. */
  tokenTtlSeconds: number;
}

/** The fault mix of issue #7 (first matching rule wins, each drawn in turn). */
export const FAULT_MIX: FaultRule[] = [
  { path: '/{sentiment,jobs,results}', action: { type: 'status', status: 503 }, probability: 0.1 },
  { path: '/{sentiment,jobs,results}', action: { type: 'status', status: 429, retryAfter: 1 }, probability: 0.05 },
  { path: '/{sentiment,jobs,results}', action: { type: 'reset' }, probability: 0.02 },
  { path: '/{sentiment,jobs,results}', action: { type: 'close-mid-body' }, probability: 0.01 },
  { path: '/{sentiment,jobs,results}', action: { type: 'hang' }, probability: 0.01 },
  { path: '/sentiment', action: { type: 'job-failure' }, probability: 0.02 },
  { path: '/jobs', action: { type: 'expired-link' }, probability: 0.05 },
];

/** The client's retry policy in the soak (what the journal is checked against). */
export const SOAK_RETRY = { maxRetries: 8, initialDelayMs: 100, maxDelayMs: 1000, jitter: 0.25 };
const ATTEMPT_TIMEOUT_MS = 1500;

export interface SoakFigures {
  texts: number;
  requests: number;
  tokenRequests: number;
  retries: number;
  faults: Record<string, number>;
  lost: number;
  duplicates: number;
  mismatched: number;
  outOfOrder: number;
  authorizationToResultHost: number;
  submissionsPastPolicy: number;
  retriesTooEarly: number;
  wallMs: number;
  baselineMs: number;
}

/** `n` distinct review texts built from the bundled sample. */
export async function soakTexts(n: number): Promise<string[]> {
  const sample = await firstValueFrom(readTextsFile(join(__dirname, '..', '..', 'examples', 'data', 'park-reviews.csv'), { column: 'comment' }));
  return Array.from({ length: n }, (_, i) => `${sample[i % sample.length]} (visit ${i + 1})`);
}

function clientOf(emulator: Emulator, config: SoakConfig): PulseClient {
  return PulseClient.withClientCredentials({
    baseUrl: emulator.url,
    tokenUrl: emulator.tokenUrl,
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    retry: SOAK_RETRY,
    timeoutMs: ATTEMPT_TIMEOUT_MS,
    resubmitFailedJobs: 3,
    concurrency: config.concurrency,
    maxInFlight: config.concurrency * 2,
    poll: { minIntervalMs: 50, maxIntervalMs: 200 },
  });
}

/** Both pipelines over the same texts; the per-text sentiments, in the order they came. */
async function runPipelines(client: PulseClient, texts: string[], config: SoakConfig) {
  const streamed = await lastValueFrom(
    from(texts).pipe(analyzeSentiment(client, { batchSize: config.batchSize, concurrency: config.concurrency, fast: false }), toArray()),
  );
  const flowed = await firstValueFrom(new Workflow().source('texts', texts).sentiment().run({ client, fast: false }));
  return { streamed, flowed: flowed.get('sentiment').results };
}

export async function runSoak(config: SoakConfig, log: (line: string) => void = () => undefined): Promise<SoakFigures> {
  const texts = await soakTexts(config.texts);

  log(`fault-free run of ${texts.length} texts...`);
  const clean = await startEmulator({ seed: config.seed, jobDurationMs: 200 });
  const cleanClient = clientOf(clean, config);
  let baseline: Awaited<ReturnType<typeof runPipelines>>;
  const t0 = performance.now();
  try {
    baseline = await runPipelines(cleanClient, texts, config);
  } finally {
    cleanClient.close();
    await clean.close();
  }
  const baselineMs = performance.now() - t0;

  log(`chaos run: ${FAULT_MIX.length} fault rules, tokens living ${config.tokenTtlSeconds} s...`);
  const chaos = await startEmulator({ seed: config.seed, jobDurationMs: 200, faults: FAULT_MIX, tokenTtlSeconds: config.tokenTtlSeconds });
  const client = clientOf(chaos, config);
  let result: Awaited<ReturnType<typeof runPipelines>>;
  let journal: JournalEntry[];
  const t1 = performance.now();
  try {
    result = await runPipelines(client, texts, config);
    journal = chaos.journal();
  } finally {
    client.close();
    await chaos.close();
  }
  const wallMs = performance.now() - t1;

  // Oracle 1: every text exactly once, in input order, equal to the fault-free run.
  const seen = new Map<number, number>();
  let outOfOrder = 0;
  result.streamed.forEach((r, position) => {
    seen.set(r.index, (seen.get(r.index) ?? 0) + 1);
    if (r.index !== position) outOfOrder++;
  });
  const same = (a: SentimentItem | undefined, b: SentimentItem | undefined) => a !== undefined && b !== undefined && a.sentiment === b.sentiment && a.confidence === b.confidence;
  const lost = texts.length - seen.size + Math.max(0, texts.length - result.flowed.length);
  const duplicates = [...seen.values()].reduce((n, c) => n + c - 1, 0) + Math.max(0, result.flowed.length - texts.length);
  const mismatched =
    result.streamed.filter((r) => !same(r, baseline.streamed[r.index])).length + result.flowed.filter((r, i) => !same(r, baseline.flowed[i])).length;

  // Oracle 2: the journal. No bearer to the result host; no submission tried more often
  // than the policy allows (a 401 replay after a token expiry is not a retry); retries
  // no earlier than the backoff's shortest delay.
  const authorizationToResultHost = journal.filter((j) => j.path.startsWith('/results') && j.authorization).length;
  const byKey = new Map<string, JournalEntry[]>();
  for (const j of journal) if (j.method === 'POST' && j.idempotencyKey) byKey.set(j.idempotencyKey, [...(byKey.get(j.idempotencyKey) ?? []), j]);
  let submissionsPastPolicy = 0;
  let retriesTooEarly = 0;
  let retries = 0;
  for (const attempts of byKey.values()) {
    const replays = attempts.filter((a) => a.status === 401).length;
    if (attempts.length > 1 + SOAK_RETRY.maxRetries + replays) submissionsPastPolicy++;
    retries += attempts.length - 1;
    attempts.slice(1).forEach((a, k) => {
      const previous = attempts[k]!;
      if (previous.status === 401) return; // replayed at once with a fresh token
      const base = Math.min(SOAK_RETRY.maxDelayMs, SOAK_RETRY.initialDelayMs * 2 ** k);
      if (a.at - previous.at < base * (1 - SOAK_RETRY.jitter) - 5) retriesTooEarly++;
    });
  }
  const faults: Record<string, number> = {};
  for (const j of journal) if (j.fault) faults[j.fault] = (faults[j.fault] ?? 0) + 1;
  return {
    texts: texts.length,
    requests: journal.length,
    tokenRequests: journal.filter((j) => j.path.startsWith('/oauth/token')).length,
    retries,
    faults,
    lost,
    duplicates,
    mismatched,
    outOfOrder,
    authorizationToResultHost,
    submissionsPastPolicy,
    retriesTooEarly,
    wallMs,
    baselineMs,
  };
}
