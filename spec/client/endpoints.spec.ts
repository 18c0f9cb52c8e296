import { firstValueFrom } from 'rxjs';
import type { PulseClient } from 'pulse-rx';
import { api, FILES, resetNock, testClient } from '../helpers/testClient';
import nock from 'nock';

const usage = { records: [{ feature: 'sentiment', quantity: 2 }], total: 2 };
const ddi = {
  profileVersion: '0.1',
  profileName: 'ResearchWiseAI DDI Profile',
  codebook: {
    title: 'Survey',
    description: 'd',
    creationDate: '2026-11-26T00:00:00Z',
    language: 'en',
    variables: [{ variableName: 'AGE', variableLabel: 'Age', type: 'numeric', scaleLevel: 'ratio', sourceColumns: 'Age' }],
  },
  requestId: 'dd-1',
};

interface Case {
  method: keyof PulseClient;
  path: string;
  kind: string;
  request: Record<string, unknown>;
  wire: Record<string, unknown>;
  response: Record<string, unknown>;
  sync?: boolean;
}

const cases: Case[] = [
  {
    method: 'analyzeSentiment',
    path: '/sentiment',
    kind: 'sentiment',
    request: { inputs: ['happy', 'sad'], version: '2025-08-17' },
    wire: { inputs: ['happy', 'sad'], version: '2025-08-17' },
    response: { results: [{ sentiment: 'positive', confidence: 0.98 }, { sentiment: 'negative', confidence: 0.99 }], requestId: 'r', usage },
  },
  {
    method: 'createEmbeddings',
    path: '/embeddings',
    kind: 'embeddings',
    request: { inputs: ['a'] },
    wire: { inputs: ['a'] },
    response: { embeddings: [{ text: 'a', vector: [0.1, 0.2] }], requestId: 'r' },
  },
  {
    method: 'compareSimilarity',
    path: '/similarity',
    kind: 'similarity',
    request: { setA: ['x', 'y'], setB: ['A'], flatten: true, split: { setA: 'sentence', setB: { unit: 'word', agg: 'max', windowSize: 2 } } },
    wire: { set_a: ['x', 'y'], set_b: ['A'], flatten: true, split: { set_a: 'sentence', set_b: { unit: 'word', agg: 'max', window_size: 2 } } },
    response: { scenario: 'cross', mode: 'flattened', n: 2, flattened: [0.4, 0.3], requestId: 'r' },
  },
  {
    method: 'generateThemes',
    path: '/themes',
    kind: 'themes',
    request: { inputs: ['a', 'b', 'c'], minThemes: 1, maxThemes: 3, context: 'ux' },
    wire: { inputs: ['a', 'b', 'c'], minThemes: 1, maxThemes: 3, context: 'ux' },
    response: { themes: [{ shortLabel: 'A', label: 'About A', description: 'd', representatives: ['a', 'b', 'c'] }], requestId: 'r' },
  },
  {
    method: 'clusterTexts',
    path: '/clustering',
    kind: 'clustering',
    request: { inputs: ['a', 'b', 'c'], k: 2, algorithm: 'skmeans' },
    wire: { inputs: ['a', 'b', 'c'], k: 2, algorithm: 'skmeans' },
    response: { algorithm: 'skmeans', clusters: [{ clusterId: 0, items: ['a', 'b'] }, { clusterId: 1, items: ['c'] }], requestId: 'r' },
  },
  {
    method: 'extractElements',
    path: '/extractions',
    kind: 'extractions',
    request: { inputs: ['The food was great'], dictionary: ['food', 'service', 'price'], expandDictionary: true, expandDictionaryLimit: 5 },
    wire: { inputs: ['The food was great'], dictionary: ['food', 'service', 'price'], expand_dictionary: true, expand_dictionary_limit: 5 },
    response: { dictionary: ['food', 'service', 'price'], results: [[['food was great'], [], []]], requestId: 'r' },
  },
  {
    method: 'generateSummary',
    path: '/summaries',
    kind: 'summaries',
    request: { inputs: ['this is great'], question: 'what?', length: 'short', preset: 'one-tweet' },
    wire: { inputs: ['this is great'], question: 'what?', length: 'short', preset: 'one-tweet' },
    response: { summary: 'Positive.', requestId: 'r' },
  },
  {
    method: 'generateDataDictionary',
    path: '/data-dictionary',
    kind: 'data-dictionary',
    request: { data: [['Age'], ['25']], options: { title: 'Survey', language: 'en' } },
    wire: { data: [['Age'], ['25']], options: { title: 'Survey', language: 'en' } },
    response: ddi,
    sync: false,
  },
];

type Method = (req: unknown, opts?: unknown) => ReturnType<PulseClient['analyzeSentiment']>;
const invoke = (client: PulseClient, c: Case, request: Record<string, unknown>) =>
  firstValueFrom((client[c.method] as unknown as Method).call(client, request));

describe('every endpoint', () => {
  beforeEach(resetNock);

  describe.each(cases.filter((c) => c.sync !== false))('$method synchronously', (c) => {
    it('sends wire names with fast: true and parses the 200 body', async () => {
      api().post(`/v1${c.path}`, { ...c.wire, fast: true } as nock.DataMatcherMap).reply(200, c.response);
      const { client } = testClient();
      await expect(invoke(client, c, { ...c.request, fast: true })).resolves.toEqual(c.response);
    });
  });

  describe.each(cases)('$method as a job', (c) => {
    it('submits without fast, polls /jobs and downloads the result link without a token', async () => {
      api()
        .post(`/v1${c.path}`, c.wire as nock.DataMatcherMap)
        .reply(202, { job_id: 'task/x/1' })
        .get('/v1/jobs')
        .query({ jobId: 'task/x/1' })
        .reply(200, { status: 'pending' })
        .get('/v1/jobs')
        .query({ jobId: 'task/x/1' })
        .reply(200, { job_id: 'uuid-9', status: 'completed', result_url: `${FILES}/jobs/${c.kind}/uuid-9.json` });
      nock(FILES, { badheaders: ['authorization'] }).get(`/jobs/${c.kind}/uuid-9.json`).reply(200, JSON.stringify(c.response), {
        'content-type': 'application/octet-stream',
      });
      const { client } = testClient();
      await expect(invoke(client, c, c.request)).resolves.toEqual(c.response);
    });
  });

  it('rebuilds the self-similarity matrix the service flattened', async () => {
    api()
      .post('/v1/similarity', { set: ['a', 'b', 'c'], fast: true })
      .reply(200, { scenario: 'self', mode: 'flattened', n: 3, flattened: [0.5, 0.4, 0.3], requestId: 'r' });
    const { client } = testClient();
    const res = await firstValueFrom(client.compareSimilarity({ set: ['a', 'b', 'c'], fast: true }));
    expect(res.matrix).toEqual([
      [1, 0.5, 0.4],
      [0.5, 1, 0.3],
      [0.4, 0.3, 1],
    ]);
    expect(res.flattened).toEqual([0.5, 0.4, 0.3]);
  });

  it('estimateUsage and getHealth send no token; credits URL-encode the org id', async () => {
    nock('https://api.pulse.test', { badheaders: ['authorization'] })
      .post('/v1/usage/estimate', { feature: 'sentiment', inputs: ['a', 'b'] })
      .reply(200, { usage: { total: 2 } })
      .get('/v1/health')
      .reply(503, { status: 'degraded', region: 'eu', version: '1', time: '2026-11-26T00:00:00Z', uptime_s: 5, checks: { db: { status: 'fail', latency_ms: 9 } } });
    api().get('/v1/credits/organizations/org%2Fa%20b').matchHeader('authorization', /^Bearer /).reply(200, { balance: 42 });
    const { client } = testClient();
    await expect(firstValueFrom(client.estimateUsage({ feature: 'sentiment', inputs: ['a', 'b'] }))).resolves.toEqual({ usage: { total: 2 } });
    await expect(firstValueFrom(client.getHealth())).resolves.toMatchObject({ status: 'degraded' });
    await expect(firstValueFrom(client.getOrganizationCredits({ orgId: 'org/a b' }))).resolves.toEqual({ balance: 42 });
  });

  it('a body that does not match the schema is a ResponseValidationError keeping the raw body', async () => {
    api().post('/v1/sentiment').reply(200, { results: [{ sentiment: 'ecstatic', confidence: 2 }] });
    const { client } = testClient();
    await expect(firstValueFrom(client.analyzeSentiment({ inputs: ['a'], fast: true }))).rejects.toMatchObject({
      name: 'ResponseValidationError',
      body: { results: [{ sentiment: 'ecstatic', confidence: 2 }] },
      issues: expect.arrayContaining([expect.objectContaining({ path: 'results[0].sentiment' })]),
    });
  });
});
