import nock from 'nock';
import { EMPTY, firstValueFrom, from, of, toArray } from 'rxjs';
import {
  ClusterResult,
  DataDictionaryResult,
  EmbeddingsResult,
  ExtractionResult,
  PulseClient,
  PulseValidationError,
  SentimentResult,
  SimilarityResult,
  ThemeAllocationResult,
  ThemeGenerationResult,
  clusterAnalysis,
  compareSimilarity,
  createEmbeddings,
  estimateUsage,
  extractElements,
  generateDataDictionary,
  generateThemes,
  sentimentAnalysis,
  summarize,
  themeAllocation,
} from 'pulse-rx';
import { startEmulator } from 'pulse-rx/emulator';
import { emulatorClient } from '../helpers/emulatorClient';
import { failure } from '../helpers/failure';
import { API, api, resetNock, testClient } from '../helpers/testClient';

const texts = ['The staff were rude', 'Rides were great fun', 'Food was cold'];
const theme = (shortLabel: string) => ({ shortLabel, label: shortLabel, description: shortLabel, representatives: [] });

describe('starters against nock: one request each, the body the spec wants, a result object', () => {
  beforeEach(resetNock);

  it('sentimentAnalysis', async () => {
    const { client } = testClient();
    let body: unknown;
    api()
      .post('/v1/sentiment', (b) => ((body = b), true))
      .reply(200, { results: texts.map(() => ({ sentiment: 'negative', confidence: 0.7 })) });
    const result = await firstValueFrom(sentimentAnalysis(texts, { client }));
    expect(body).toEqual({ inputs: texts, fast: true });
    expect(result).toBeInstanceOf(SentimentResult);
    expect(result.summary().counts.negative).toBe(3);
  });

  it('generateThemes', async () => {
    const { client } = testClient();
    let body: unknown;
    api()
      .post('/v1/themes', (b) => ((body = b), true))
      .reply(200, { themes: [theme('Staff'), theme('Food')] });
    const result = await firstValueFrom(generateThemes(texts, { minThemes: 2, maxThemes: 3, context: 'park reviews', client }));
    expect(body).toEqual({ inputs: texts, minThemes: 2, maxThemes: 3, context: 'park reviews', fast: true });
    expect(result).toBeInstanceOf(ThemeGenerationResult);
    expect(result.labels).toEqual(['Staff', 'Food']);
  });

  it('themeAllocation with themes sends one similarity request against the labels', async () => {
    const { client } = testClient();
    let body: unknown;
    api()
      .post('/v1/similarity', (b) => ((body = b), true))
      .reply(200, { scenario: 'cross', mode: 'matrix', matrix: [[0.5, 0.1], [0.1, 0.2], [0.2, 0.6]] });
    const result = await firstValueFrom(themeAllocation(texts, { themes: ['Staff', theme('Food')], client }));
    expect(body).toEqual({ set_a: texts, set_b: ['Staff', 'Food'], fast: true });
    expect(result).toBeInstanceOf(ThemeAllocationResult);
    expect(result.assignSingle().map((a) => a.theme)).toEqual(['Staff', null, 'Food']);
  });

  it('clusterAnalysis, summarize, extractElements, compareSimilarity, createEmbeddings, estimateUsage, generateDataDictionary', async () => {
    const { client } = testClient();
    api().post('/v1/clustering', { inputs: texts, k: 2, fast: true }).reply(200, { algorithm: 'kmeans', clusters: [{ clusterId: 0, items: texts }] });
    api().post('/v1/summaries', { inputs: texts, question: 'Why?', length: 'short', fast: true }).reply(200, { summary: 'Because.' });
    api()
      .post('/v1/extractions', { inputs: texts, dictionary: ['staff', 'food', 'rides'], fast: true })
      .reply(200, { dictionary: ['staff', 'food', 'rides'], results: texts.map(() => [[], [], []]) });
    api().post('/v1/similarity', { set: texts, flatten: false, fast: true }).reply(200, { scenario: 'self', mode: 'flattened', n: 3, flattened: [0.1, 0.2, 0.3] });
    api().post('/v1/embeddings', { inputs: texts, fast: true }).reply(200, { embeddings: texts.map((text) => ({ text, vector: [1, 0] })) });
    api().post('/v1/usage/estimate', { feature: 'sentiment', inputs: texts }).reply(200, { usage: { total: 3 } });
    api().post('/v1/data-dictionary').reply(202, { job_id: 'dd-1' });
    api().get('/v1/jobs').query({ jobId: 'dd-1' }).reply(200, { status: 'completed', result_url: `${API}/results/dd-1` });
    api()
      .get('/results/dd-1')
      .reply(200, { profileVersion: '1', profileName: 'p', codebook: { title: 't', description: 'd', creationDate: 'c', language: 'en', variables: [] } });

    expect(await firstValueFrom(clusterAnalysis(texts, { k: 2, client }))).toBeInstanceOf(ClusterResult);
    expect((await firstValueFrom(summarize(texts, { question: 'Why?', length: 'short', client }))).summary).toBe('Because.');
    expect(await firstValueFrom(extractElements(texts, { dictionary: ['staff', 'food', 'rides'], client }))).toBeInstanceOf(ExtractionResult);
    const sim = await firstValueFrom(compareSimilarity(texts, { client }));
    expect(sim).toBeInstanceOf(SimilarityResult);
    expect(sim.matrix[0]).toEqual([1, 0.1, 0.2]);
    expect(await firstValueFrom(createEmbeddings(texts, { client }))).toBeInstanceOf(EmbeddingsResult);
    expect((await firstValueFrom(estimateUsage(texts, { feature: 'sentiment', client }))).usage).toEqual({ total: 3 });
    expect(await firstValueFrom(generateDataDictionary([['comment'], ['fine']], { client }))).toBeInstanceOf(DataDictionaryResult);
    expect(nock.isDone()).toBe(true);
  });

  it('take the texts from an Observable too (what readTextsFile gives)', async () => {
    const { client } = testClient();
    api().post('/v1/sentiment', { inputs: texts, fast: true }).reply(200, { results: texts.map(() => ({ sentiment: 'neutral', confidence: 0.5 })) });
    const result = await firstValueFrom(sentimentAnalysis(of(texts), { client }));
    expect(result.texts).toEqual(texts);
  });

  it('without a client, use PulseClient.fromEnv() and close it afterwards', async () => {
    const saved = { ...process.env };
    process.env.PULSE_TOKEN = 'env-token';
    process.env.PULSE_BASE_URL = `${API}/v1`;
    try {
      api()
        .post('/v1/summaries')
        .matchHeader('authorization', 'Bearer env-token')
        .reply(200, { summary: 'From env.' });
      const close = jest.spyOn(PulseClient.prototype, 'close');
      expect((await firstValueFrom(summarize(texts))).summary).toBe('From env.');
      expect(close).toHaveBeenCalledTimes(1);
    } finally {
      process.env = saved;
      jest.restoreAllMocks();
    }
  });

  it('createEmbeddings and extractElements are also the stream operators when given a client', async () => {
    const { client } = testClient();
    api().post('/v1/embeddings').reply(200, { embeddings: texts.map((text) => ({ text, vector: [0, 1] })) });
    const out = await firstValueFrom(from(texts).pipe(createEmbeddings(client, { batchSize: 10 }), toArray()));
    expect(out.map((e) => e.index)).toEqual([0, 1, 2]);
  });

  describe('bad input fails with a PulseValidationError naming the field, before any request', () => {
    const { client } = testClient();
    const cases: Array<[string, () => import('rxjs').Observable<unknown>, string]> = [
      ['not an array', () => sentimentAnalysis('text' as never, { client }), 'texts'],
      ['empty texts', () => sentimentAnalysis([], { client }), 'texts'],
      ['an Observable of nothing', () => sentimentAnalysis(EMPTY, { client }), 'texts'],
      ['a blank text', () => generateThemes(['ok', ''], { client }), 'texts[1]'],
      ['a number among texts', () => summarize(['ok', 7 as never], { client }), 'texts[1]'],
      ['k of -1', () => clusterAnalysis(texts, { k: -1, client }), 'cluster.k'],
      ['fractional maxThemes', () => generateThemes(texts, { maxThemes: 2.5, client }), 'themeGeneration.maxThemes'],
      ['NaN threshold', () => themeAllocation(texts, { themes: ['a'], threshold: NaN, client }), 'themeAllocation.threshold'],
      ['a short dictionary', () => extractElements(texts, { dictionary: ['a'], client }), 'dictionary'],
      ['a client that is not one', () => sentimentAnalysis(texts, { client: {} as never }), 'client'],
      ['a ragged table', () => generateDataDictionary([['a', 'b'], [3 as never]], { client }), 'data[1][0]'],
    ];
    it.each(cases)('%s', async (_label, run, field) => {
      const error = await failure<PulseValidationError>(firstValueFrom(run()));
      expect(error).toBeInstanceOf(PulseValidationError);
      expect(error.field).toBe(field);
      expect(nock.pendingMocks()).toEqual([]);
    });
  });
});

describe('starters against the emulator', () => {
  it('each starter answers a result object with one item per text', async () => {
    const emulator = await startEmulator({ port: 0, jobDurationMs: 20 });
    const client = emulatorClient(emulator);
    const reviews = ['The staff were rude and slow', 'Rides were great fun for the kids', 'Food was cold and overpriced', 'Queues were long but the rides were fun'];
    try {
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
      expect(clusters.assignments().every((c) => c !== null)).toBe(true);
      expect(summary.summary.length).toBeGreaterThan(0);
      expect(extraction.byText()[2]!.food).toEqual([expect.stringContaining('Food')]);
      expect(extraction.byText()[2]!.staff).toEqual([]);
      expect(similarity.matrix).toHaveLength(4);
      expect(embeddings.dimensions).toBe(3072);
      expect(allocation.similarity).toHaveLength(4);
      const usage = await firstValueFrom(estimateUsage(reviews, { feature: 'sentiment', client }));
      expect(usage.usage).toBeTruthy();
      const dictionary = await firstValueFrom(generateDataDictionary([['age', 'comment'], ['34', 'Great rides'], ['51', 'Too expensive']], { client }));
      expect(dictionary.variables.map((v) => v.variableName).length).toBe(2);
    } finally {
      client.close();
      await emulator.close();
    }
  });
});
