import { firstValueFrom } from 'rxjs';
import {
  ClusterResult,
  DataDictionaryResult,
  EmbeddingsResult,
  ExtractionResult,
  Job,
  PulseTimeoutError,
  PulseValidationError,
  SentimentResult,
  SimilarityResult,
  SummaryResult,
  ThemeAllocationResult,
  ThemeGenerationResult,
  clusterAnalysis,
  compareSimilarity,
  createEmbeddings,
  extractElements,
  generateDataDictionary,
  generateThemes,
  sentimentAnalysis,
  summarize,
  themeAllocation,
  type PulseClient,
} from 'pulse-rx';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { emulatorClient } from '../helpers/emulatorClient';
import { failure } from '../helpers/failure';

const texts = ['The staff were rude and slow', 'Rides were great fun', 'Food was cold and overpriced', 'Queues were long'];

describe('starters: awaitJobResult, interactive themes, flatten, whole-call timeout (emulator)', () => {
  let emulator: Emulator;
  let client: PulseClient;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, jobDurationMs: 20 });
    client = emulatorClient(emulator);
  });
  afterAll(async () => {
    client.close();
    await emulator.close();
  });

  const o = () => ({ client, fast: false as const, awaitJobResult: false as const });
  it.each([
    ['sentimentAnalysis', () => sentimentAnalysis(texts, o()), 'sentiment', SentimentResult],
    ['generateThemes', () => generateThemes(texts, o()), 'themes', ThemeGenerationResult],
    ['themeAllocation (themes generated first)', () => themeAllocation(texts, o()), 'similarity', ThemeAllocationResult],
    ['clusterAnalysis', () => clusterAnalysis(texts, { ...o(), k: 2 }), 'clustering', ClusterResult],
    ['summarize', () => summarize(texts, o()), 'summaries', SummaryResult],
    ['extractElements', () => extractElements(texts, { ...o(), dictionary: ['staff', 'food', 'queues'] }), 'extractions', ExtractionResult],
    ['compareSimilarity', () => compareSimilarity(texts, o()), 'similarity', SimilarityResult],
    ['createEmbeddings', () => createEmbeddings(texts, o()), 'embeddings', EmbeddingsResult],
    ['generateDataDictionary', () => generateDataDictionary([['comment'], ...texts.map((t) => [t])], { client, awaitJobResult: false }), 'data-dictionary', DataDictionaryResult],
  ] as const)('%s emits a Job handle whose result is the result object', async (_name, start, kind, ResultClass) => {
    const job: unknown = await firstValueFrom((start as () => ReturnType<typeof sentimentAnalysis>)());
    expect(job).toBeInstanceOf(Job);
    const handle = job as Job<unknown>;
    expect(handle.kind).toBe(kind);
    expect(typeof handle.id).toBe('string');
    expect(await handle.wait()).toBeInstanceOf(ResultClass);
  });

  it('the handle is typed from the options: Job<SentimentResult> with awaitJobResult: false, the result without', async () => {
    const job: Job<SentimentResult> = await firstValueFrom(sentimentAnalysis(texts, { client, awaitJobResult: false }));
    const result: SentimentResult = await firstValueFrom(sentimentAnalysis(texts, { client }));
    expect((await job.wait()).raw.results).toEqual(result.raw.results);
  });

  it('a handle needs a client that outlives the starter: without one, a typed error and nothing sent', async () => {
    const before = emulator.journal().length;
    const error = await failure<PulseValidationError>(firstValueFrom(sentimentAnalysis(texts, { awaitJobResult: false })));
    expect(error).toBeInstanceOf(PulseValidationError);
    expect(error.field).toBe('client');
    expect(emulator.journal()).toHaveLength(before);
  });

  it('awaitJobResult must be a boolean (options.awaitJobResult)', async () => {
    const error = await failure<PulseValidationError>(firstValueFrom(summarize(texts, { client, awaitJobResult: 'no' as never })));
    expect(error.field).toBe('options.awaitJobResult');
  });

  it('generateThemes with interactive and initialSets gives theme sets', async () => {
    const result = await firstValueFrom(generateThemes(texts, { client, interactive: true, initialSets: 3, version: '2025-09-01' }));
    expect(result.themeSets).toHaveLength(3);
  });

  it('compareSimilarity with flatten gives the upper triangle', async () => {
    const result = await firstValueFrom(compareSimilarity(texts, { client, flatten: true }));
    expect(result.raw.matrix).toBeUndefined();
    expect(result.flattened).toHaveLength(6);
    expect(result.matrix[0]![1]).toBe(result.flattened[0]);
  });

  it('timeoutMs bounds the whole call (polling included) with PulseTimeoutError', async () => {
    const slow = await startEmulator({ port: 0, jobDurationMs: 600_000 });
    const slowClient = emulatorClient(slow);
    try {
      const error = await failure(firstValueFrom(sentimentAnalysis(texts, { client: slowClient, fast: false, timeoutMs: 300 })));
      expect(error).toBeInstanceOf(PulseTimeoutError);
      expect((error as PulseTimeoutError).timeoutMs).toBe(300);
      // The job was submitted and polled: the deadline is the whole call's, not one request's.
      expect(slow.journal().filter((e) => e.path.startsWith('/v1/jobs')).length).toBeGreaterThan(0);
    } finally {
      slowClient.close();
      await slow.close();
    }
  });
});
