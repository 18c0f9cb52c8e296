/**
 * The fleet soak: one queue, several worker processes (the built package, as npm installs it),
 * an emulator with an organisation rate limit and a fault mix, workers killed with SIGKILL
 * mid-run and replaced. Counts what a fleet must never do: lose an analysis, submit one
 * twice, go over the organisation's limit, or answer differently from one process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { QueueEvents } from 'bullmq';
import { firstValueFrom } from 'rxjs';
import { PulseClient, type SentimentResponse } from '../../../src';
import { createPulseQueue, enqueueAnalysis } from '../../../src/bullmq';
import { startEmulator, type Emulator, type EmulatorOptions, type FaultRule, type JournalEntry } from '../../../src/emulator';
import { startRedisServer } from '../../helpers/redisServer';

export interface FleetSoakOptions {
  /** Texts in all. */
  texts: number;
  /** Analyses they are queued as (every fifth fanned out over workers). */
  analyses: number;
  /** Worker processes at any time. */
  workers: number;
  /** The organisation's limit (requests per second), in the emulator and the fleet. */
  rps: number;
  /**
   * Fractions of analyses finished at which one worker is killed with SIGKILL (and replaced);
   * 0 kills as soon as a worker has had a Pulse job accepted (it then holds a running job).
   */
  killAt: number[];
  /** Apply the fault mix (503s, resets, latency). */
  faults: boolean;
  /** Share the rate limit through Redis (false: each worker on its own). */
  sharedLimit: boolean;
  /** The built package's dist folder. */
  dist: string;
  /** Latency the emulator adds to every API answer, in ms. @default 0 */
  latencyMs?: number;
  /** Analyses each worker runs at once. @default 4 */
  concurrency?: number;
  /** How long each Pulse job runs in the emulator, in ms. @default 300 */
  jobDurationMs?: number;
  /** Skip the single-process reference run (benches). @default false */
  skipReference?: boolean;
  log?: (line: string) => void;
}

export interface FleetSoakFigures {
  analyses: number;
  texts: number;
  /** Analyses with no result, or a result of the wrong size. */
  lost: number;
  /** Idempotency keys accepted beyond one per part: the same work submitted under a new key (a second bill). */
  duplicateSubmissions: number;
  /** Submissions sent again with a key already seen: answered the first job (journal `replayed`), as the service does. */
  resentSubmissions: number;
  /** Results that differ from one process answering the same analyses. */
  different: number;
  /** Requests in the busiest one-second window, and over the limit by (percent). */
  busiestWindow: number;
  overshootPct: number;
  /** API requests per second while the fleet worked (the middle 80% of its requests: no ramp-up, no tail). */
  requestsPerSecond: number;
  /** 429 answers per 1,000 API requests. */
  rate429PerThousand: number;
  requests: number;
  killed: number;
  /** Analyses BullMQ found stalled (their worker died) and handed to another worker. */
  stalled: number;
  wallMs: number;
}

const FAULTS: FaultRule[] = [
  { path: '/sentiment', action: { type: 'status', status: 503, retryAfter: 0 }, probability: 0.03 },
  { path: '/jobs/**', action: { type: 'reset' }, probability: 0.02 },
  { path: '/jobs/**', action: { type: 'latency', ms: 150 }, probability: 0.05 },
];

const review = (i: number) =>
  `review ${i}: ${['the queue was far too long', 'staff were lovely and helpful', 'rides closed all afternoon', 'great value for a family'][i % 4]}`;

/** Runs the soak; resolves to its figures (the caller decides pass or fail). */
export async function runFleetSoak(o: FleetSoakOptions): Promise<FleetSoakFigures> {
  const log = o.log ?? (() => undefined);
  const redis = await startRedisServer();
  const emulator = await startEmulatorProcess(o.dist, {
    port: 0,
    seed: 11,
    jobDurationMs: o.jobDurationMs ?? 300,
    rateLimit: { rps: o.rps, burst: o.rps },
    faults: [...(o.faults ? FAULTS : []), ...(o.latencyMs ? [{ path: '/**', action: { type: 'latency' as const, ms: o.latencyMs } }] : [])],
  });
  const reference = await startEmulator({ port: 0, seed: 11, jobDurationMs: 20 });
  const queueName = `soak-${process.pid}`;
  const connection = { host: redis.host, port: redis.port };
  const queue = createPulseQueue({ connection, name: queueName });
  const events = new QueueEvents(queueName, { connection });
  queue.setMaxListeners(o.analyses * 2 + 10);
  events.setMaxListeners(o.analyses * 2 + 10);
  const workers = new Map<number, ChildProcess>();
  let killed = 0;
  try {
    await events.waitUntilReady();
    const per = Math.ceil(o.texts / o.analyses);
    const analyses = Array.from({ length: o.analyses }, (_, a) => ({
      runId: `run-${a}`,
      inputs: Array.from({ length: Math.min(per, o.texts - a * per) }, (_, i) => review(a * per + i)),
      partSize: a % 5 === 4 ? Math.ceil(per / 3) : undefined,
    })).filter((a) => a.inputs.length > 0);

    log(`reference: ${analyses.length} analyses in one process`);
    const expected = o.skipReference ? undefined : await referenceAnswers(reference, analyses.map((a) => a.inputs));

    const spawnWorker = () => {
      const child = spawn(process.execPath, [join(__dirname, 'worker.cjs')], {
        env: {
          ...process.env,
          PULSE_DIST: o.dist,
          REDIS_PORT: String(redis.port),
          QUEUE: queueName,
          BASE_URL: emulator.url,
          TOKEN_URL: emulator.tokenUrl,
          CLIENT_ID: emulator.clientId,
          CLIENT_SECRET: emulator.clientSecret,
          RPS: o.sharedLimit ? String(o.rps) : '0',
          CONCURRENCY: String(o.concurrency ?? 4),
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      workers.set(child.pid!, child);
      child.once('exit', () => workers.delete(child.pid!));
      return new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
    };
    await Promise.all(Array.from({ length: o.workers }, spawnWorker));

    // A cold emulator loads its language data on the first analysis and runs its first
    // analyses unoptimised (POSTs of 400 texts took 100-170 ms each, reading no other request,
    // which then reached the journal in a burst): warmed before the run, as a service is.
    await warmUp(emulator);
    const started = Date.now();
    const loopDelay = (await import('node:perf_hooks')).monitorEventLoopDelay({ resolution: 5 });
    loopDelay.enable();
    const jobs = await Promise.all(
      analyses.map((a) => enqueueAnalysis(queue, { kind: 'sentiment', request: { inputs: a.inputs, fast: false }, runId: a.runId, partSize: a.partSize })),
    );
    let finished = 0;
    let stalled = 0;
    events.on('stalled', () => stalled++);
    const kills = o.killAt.filter((k) => k > 0).sort();
    /** Kills the worker holding an active analysis (so its job must move to another worker). */
    const killOne = async () => {
      const active = await queue.getActive();
      const pid = active.map((j) => Number(/^pid-(\d+)$/.exec(j.processedBy ?? '')?.[1])).find((p) => workers.has(p));
      const victim = workers.get(pid ?? -1) ?? [...workers.values()][0];
      if (!victim) return;
      log(`SIGKILL worker ${victim.pid} at ${finished}/${jobs.length} analyses (${active.length} active)`);
      victim.kill('SIGKILL');
      killed++;
      await spawnWorker();
    };
    if (o.killAt.includes(0)) {
      void (async () => {
        while (!(await emulator.journal()).some((e) => e.method === 'POST' && e.status === 202)) await new Promise((r) => setTimeout(r, 20));
        await killOne();
      })();
    }
    const results = await Promise.all(
      jobs.map(async (job) => {
        try {
          return (await job.waitUntilFinished(events, 600_000)) as SentimentResponse;
        } catch (e) {
          log(`analysis ${job.id} failed: ${(e as Error).message}`);
          return undefined;
        } finally {
          finished++;
          while (kills.length && finished >= kills[0]! * jobs.length) {
            kills.shift();
            void killOne();
          }
        }
      }),
    );
    const wallMs = Date.now() - started;
    const journal = await emulator.journal();
    const during = journal.filter((e) => e.at >= started && (e.path.startsWith('/v1/') || e.path.startsWith('/results/')));

    let lost = 0;
    let different = 0;
    results.forEach((r, i) => {
      if (!r || r.results.length !== analyses[i]!.inputs.length) return void lost++;
      if (expected && JSON.stringify(r.results) !== JSON.stringify(expected[i])) different++;
    });
    const parts = analyses.reduce((n, a) => n + (a.partSize ? Math.ceil(a.inputs.length / a.partSize) : 1), 0);
    const { duplicateSubmissions, resentSubmissions } = submissions(journal, parts);
    const api = journal.filter((e) => e.path.startsWith('/v1/') || e.path.startsWith('/results/'));
    const busiestWindow = busiest(api.filter((e) => e.at >= started).map((e) => e.at));
    if (process.env.FLEET_DEBUG) {
      debugWindows(api, log);
      log(`run started at ${started}; journal in ${process.env.FLEET_DEBUG}`);
      (await import('node:fs')).writeFileSync(process.env.FLEET_DEBUG, JSON.stringify({ started, api }));
      log(`soak process loop delay: p50 ${loopDelay.percentile(50) / 1e6} ms, p99 ${loopDelay.percentile(99) / 1e6} ms, max ${loopDelay.max / 1e6} ms`);
    }
    return {
      analyses: analyses.length,
      texts: o.texts,
      lost,
      duplicateSubmissions,
      resentSubmissions,
      different,
      busiestWindow,
      overshootPct: Math.max(0, ((busiestWindow - o.rps) / o.rps) * 100),
      requestsPerSecond: steadyRate(during.map((e) => e.at)),
      rate429PerThousand: (api.filter((e) => e.status === 429).length * 1000) / Math.max(1, api.length),
      requests: api.length,
      killed,
      stalled,
      wallMs,
    };
  } finally {
    for (const w of workers.values()) w.kill('SIGKILL');
    await events.close();
    await queue.close();
    await emulator.close();
    await reference.close();
    await redis.stop();
  }
}

interface EmulatorProcess {
  url: string;
  tokenUrl: string;
  origin: string;
  clientId: string;
  clientSecret: string;
  journal(): Promise<JournalEntry[]>;
  close(): Promise<void>;
}

/** Starts the built emulator in a process of its own (spec/soak/fleet/emulatorProcess.cjs). */
async function startEmulatorProcess(dist: string, options: EmulatorOptions): Promise<EmulatorProcess> {
  const child = spawn(process.execPath, [join(__dirname, 'emulatorProcess.cjs')], {
    env: { ...process.env, PULSE_DIST: dist, EMULATOR_OPTIONS: JSON.stringify(options) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const info = await new Promise<Omit<EmulatorProcess, 'journal' | 'close'>>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('\n')) resolve(JSON.parse(out.slice(0, out.indexOf('\n'))));
    });
    child.once('exit', (code) => reject(new Error(`the emulator process exited (${code}) before listening`)));
  });
  return {
    ...info,
    journal: async () => (await (await fetch(`${info.origin}/_emulator/journal`)).json()) as JournalEntry[],
    close: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Synchronous analyses of 200 texts (no job: nothing the duplicate count sees). */
async function warmUp(emulator: EmulatorProcess): Promise<void> {
  const client = PulseClient.withClientCredentials({ baseUrl: emulator.url, tokenUrl: emulator.tokenUrl, clientId: emulator.clientId, clientSecret: emulator.clientSecret });
  try {
    for (let round = 0; round < 10; round++) {
      const inputs = Array.from({ length: 200 }, (_, i) => `warm-up ${round}.${i}: ${review(i)}`);
      await firstValueFrom(client.analyzeSentiment({ inputs, fast: true }));
    }
  } finally {
    client.close();
  }
}

async function referenceAnswers(emulator: Emulator, inputs: string[][]): Promise<unknown[]> {
  const client = PulseClient.withClientCredentials({
    baseUrl: emulator.url,
    tokenUrl: emulator.tokenUrl,
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    poll: { strategy: 'exponential', minIntervalMs: 10, maxIntervalMs: 40 },
  });
  try {
    const out: unknown[] = [];
    for (const texts of inputs) out.push((await firstValueFrom(client.analyzeSentiment({ inputs: texts, fast: false }))).results);
    return out;
  } finally {
    client.close();
  }
}

/**
 * From the journal: accepted submissions (202) by idempotency key. Each part of each analysis
 * needs one key; a key beyond that count is the same work submitted again under a new key, a
 * second job and a second bill, which no dedupe can catch. A key sent again is a resend (a part
 * resent after a crash between acceptance and the run store's record): the emulator honours
 * `Idempotency-Key` as the hosted service does (on by default), so it answers the first job again
 * (`replayed: true`, no `createdJob`) and jobs created = keys. With `idempotencyKeys: false` each
 * resend would be a job of its own, still counted here as resent, not duplicate.
 */
function submissions(journal: JournalEntry[], parts: number): { duplicateSubmissions: number; resentSubmissions: number } {
  const byKey = new Map<string, number>();
  for (const e of journal) {
    if (e.method !== 'POST' || e.status !== 202) continue;
    const key = e.idempotencyKey ?? `no-key-${e.seq}`;
    byKey.set(key, (byKey.get(key) ?? 0) + 1);
  }
  let resent = 0;
  for (const n of byKey.values()) resent += n - 1;
  return { duplicateSubmissions: Math.max(0, byKey.size - parts), resentSubmissions: resent };
}

/** Requests per second between the 10th and the 90th percentile of the request times. */
function steadyRate(times: number[]): number {
  const t = [...times].sort((a, b) => a - b);
  if (t.length < 10) return 0;
  const lo = Math.floor(t.length * 0.1);
  const hi = Math.floor(t.length * 0.9);
  return ((hi - lo) * 1000) / Math.max(1, t[hi]! - t[lo]!);
}

/** Most timestamps in any one-second window. */
function busiest(times: number[]): number {
  const t = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < t.length; i++) {
    while (t[i]! - t[j]! >= 1000) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

/** FLEET_DEBUG: the busiest second's requests and the most in any window of 1,000..1,200 ms. */
function debugWindows(api: JournalEntry[], log: (line: string) => void): void {
  const t = [...api].sort((a, b) => a.at - b.at);
  for (const w of [1000, 1050, 1087, 1100, 1150, 1200]) {
    let best = 0;
    for (let i = 0, j = 0; i < t.length; i++) {
      while (t[i]!.at - t[j]!.at >= w) j++;
      best = Math.max(best, i - j + 1);
    }
    log(`window ${w} ms: at most ${best}`);
  }
  let best = 0;
  let from = 0;
  for (let i = 0, j = 0; i < t.length; i++) {
    while (t[i]!.at - t[j]!.at >= 1000) j++;
    if (i - j + 1 > best) [best, from] = [i - j + 1, j];
  }
  const t0 = t[from]!.at;
  log(t.slice(from, from + best).map((e) => `${e.at - t0}:${e.method[0]}${e.path.split('?')[0]!.slice(0, 12)}:${e.status}`).join(' '));
}
