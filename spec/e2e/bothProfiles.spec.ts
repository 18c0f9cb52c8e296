import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import {
  Analyzer,
  SentimentProcess,
  ThemeAllocation,
  ThemeGeneration,
  clusterAnalysis,
  compareSimilarity,
  createEmbeddings,
  extractElements,
  generateThemes,
  sentimentAnalysis,
  summarize,
  themeAllocation,
  type PulseClient,
} from 'pulse-rx';
import { startEmulator, type Emulator, type EmulatorProfile } from 'pulse-rx/emulator';
import { emulatorClient } from '../helpers/emulatorClient';
import { pulse } from '../helpers/runCli';

const reviews = [
  'The staff were rude and slow',
  'Rides were great fun for the kids',
  'Food was cold and overpriced',
  'Queues were long but the rides were fun',
  'Parking was easy and cheap',
  'The water park was clean and the staff friendly',
];
const many = (n: number) => Array.from({ length: n }, (_, i) => `${reviews[i % reviews.length]} (visit ${i})`);

/**
 * The client against the service as documented (`spec`) and as it really answers (`hosted`:
 * camelCase jobs, bare pending statuses, gzip, no usage, text/plain 400s, recorded job
 * durations divided by `speedUp`). Every path here must give the same kind of answer on both.
 */
describe.each<EmulatorProfile>(['spec', 'hosted'])('end to end against the %s profile', (profile) => {
  let emulator: Emulator;
  let client: PulseClient;
  beforeAll(async () => {
    emulator = await startEmulator({ profile, speedUp: 100, ...(profile === 'spec' ? { jobDurationMs: 20 } : {}) });
    client = emulatorClient(emulator);
  });
  afterAll(async () => {
    client.close();
    await emulator.close();
  });

  it('is the profile it says', () => {
    expect(emulator.profile).toBe(profile);
    expect(emulator.quirks.camelCaseJobs).toBe(profile === 'hosted');
  });

  it('sync: fast calls answer at once', async () => {
    const res = await firstValueFrom(client.analyzeSentiment({ inputs: reviews, fast: true }));
    expect(res.results).toHaveLength(reviews.length);
    const emb = await firstValueFrom(client.createEmbeddings({ inputs: ['a', 'b'], fast: true }));
    expect(emb.embeddings.map((e) => e.vector.length)).toEqual([3072, 3072]);
  });

  it('async: a job is submitted, polled through its statuses and downloaded', async () => {
    const events = await lastValueFrom(client.analyzeSentiment({ inputs: reviews, fast: false }, { observe: 'events' }).pipe(toArray()));
    expect(events[0]).toMatchObject({ type: 'submitted', jobId: expect.any(String) });
    expect(events.filter((e) => e.type === 'status').map((e) => (e as { status: string }).status)).toContain('completed');
    expect(events.at(-1)).toMatchObject({ type: 'result', data: { results: expect.any(Array) } });
    const job = await firstValueFrom(client.generateThemes({ inputs: reviews }, { awaitJobResult: false }));
    const themes = await job.wait({ timeoutMs: 60_000 });
    expect('themes' in themes && themes.themes.length).toBeGreaterThan(0);
  });

  it('batched: over the sync limit (split into fast calls) and over the async limit (two jobs), in input order', async () => {
    const sync = many(450);
    const fast = await firstValueFrom(client.analyzeSentiment({ inputs: sync, fast: true }));
    expect(fast.results).toHaveLength(450);
    const big = many(5003);
    const jobs = await firstValueFrom(client.analyzeSentiment({ inputs: big }));
    expect(jobs.results).toHaveLength(5003);
    const again = await firstValueFrom(client.analyzeSentiment({ inputs: big.slice(5000), fast: true }));
    expect(jobs.results.slice(5000)).toEqual(again.results);
  });

  it('a validation error from the server is a BadRequestError either way (JSON or text/plain 400)', async () => {
    // A provider endpoint that is no URL: documented by the spec, checked by the server only.
    const provider = { type: 'openai', auth: {}, endpoint: 'not a url' };
    const e = await firstValueFrom(client.analyzeSentiment({ inputs: ['a'], fast: true, provider })).catch((x: unknown) => x);
    expect(e).toMatchObject({ name: 'BadRequestError', status: 400 });
    expect((e as Error).message).toMatch(profile === 'spec' ? /provider endpoint is invalid/ : /^HTTP 400: Failed to parse schema/);
  });

  it('starters', async () => {
    const [sentiment, themes, clusters, summary, extraction, similarity, embeddings, allocation] = await Promise.all([
      firstValueFrom(sentimentAnalysis(reviews, { client })),
      firstValueFrom(generateThemes(reviews, { maxThemes: 3, client })),
      firstValueFrom(clusterAnalysis(reviews, { k: 2, client })),
      firstValueFrom(summarize(reviews, { question: 'What do visitors dislike?', client, fast: false })),
      firstValueFrom(extractElements(reviews, { dictionary: ['staff', 'food', 'rides'], client })),
      firstValueFrom(compareSimilarity(reviews, { client })),
      firstValueFrom(createEmbeddings(reviews, { client })),
      firstValueFrom(themeAllocation(reviews, { client })),
    ]);
    expect(sentiment.summary().counts.negative).toBeGreaterThanOrEqual(1);
    expect(themes.themes.length).toBeGreaterThan(0);
    expect(themes.themes.every((t) => t.representatives.length === (profile === 'hosted' ? 5 : 2))).toBe(true);
    expect(clusters.assignments().every((c) => c !== null)).toBe(true);
    expect(summary.summary.length).toBeGreaterThan(0);
    expect(extraction.toRows().length).toBeGreaterThan(0);
    expect(similarity.toRows().length).toBeGreaterThan(0);
    expect(embeddings.toRows()).toHaveLength(reviews.length);
    expect(allocation.assignSingle()).toHaveLength(reviews.length);
  });

  it('the Analyzer: theme generation, allocation and sentiment in one run', async () => {
    const processes = [new ThemeGeneration({ maxThemes: 3 }), new ThemeAllocation(), new SentimentProcess()];
    const results = await firstValueFrom(new Analyzer({ dataset: reviews, processes, client }).run());
    expect(results.names.sort()).toEqual(['sentiment', 'themeAllocation', 'themeGeneration']);
    expect(results.sentiment!.results).toHaveLength(reviews.length);
  });

  it('the CLI: pulse sentiment and themes on a CSV', async () => {
    const saved = { ...process.env };
    const dir = mkdtempSync(join(tmpdir(), `pulse-e2e-${profile}-`));
    const csv = join(dir, 'in.csv');
    writeFileSync(csv, `comment\n${reviews.map((r) => `"${r}"`).join('\n')}\n`);
    Object.assign(process.env, { PULSE_BASE_URL: emulator.url, PULSE_TOKEN_URL: emulator.tokenUrl, PULSE_CLIENT_ID: emulator.clientId, PULSE_CLIENT_SECRET: emulator.clientSecret });
    delete process.env.PULSE_TOKEN;
    try {
      const out = join(dir, 'out.csv');
      const run = await pulse('sentiment', csv, '--column', 'comment', '--out', out, '--quiet');
      expect([run.code, run.stderr]).toEqual([0, '']);
      expect(readFileSync(out, 'utf8').trim().split('\r\n')).toHaveLength(reviews.length + 1);
      const themes = await pulse('themes', csv, '--column', 'comment', '--quiet', '--max-themes', '3');
      expect(themes.code).toBe(0);
      expect(themes.stdout).toMatch(/^texts: 6 analysed/);
    } finally {
      process.env = saved;
    }
  });
});
