import { firstValueFrom } from 'rxjs';
import type { PulseClient } from 'pulse-rx';
import { SpecValidator, startEmulator, type Emulator } from 'pulse-rx/emulator';
import { emulatorClient } from '../helpers/emulatorClient';
import { loadAjv } from '../../src/emulator/loadAjv';

const reviews = [
  'The staff were friendly and the rides were thrilling',
  'Queues were endless and the food was cold',
  'Great value, the kids loved the water park',
  'Not clean at all, toilets were dirty',
  'Parking was easy and the staff helpful',
  'Overpriced food and rude staff',
];

type Call = (c: PulseClient, fast: boolean) => ReturnType<PulseClient['analyzeSentiment']>;
const cases: Array<[string, string, Call]> = [
  ['sentiment', 'SentimentResponse', (c, fast) => c.analyzeSentiment({ inputs: reviews, fast })],
  ['embeddings', 'EmbeddingsResponse', (c, fast) => c.createEmbeddings({ inputs: reviews.slice(0, 2), fast }) as never],
  ['self-similarity', 'SimilarityResponse', (c, fast) => c.compareSimilarity({ set: reviews, fast }) as never],
  ['cross-similarity', 'SimilarityResponse', (c, fast) => c.compareSimilarity({ setA: reviews, setB: ['staff', 'food'], fast }) as never],
  ['themes', 'ThemesResponse', (c, fast) => c.generateThemes({ inputs: reviews, maxThemes: 3, fast }) as never],
  ['clustering', 'ClusteringResponse', (c, fast) => c.clusterTexts({ inputs: reviews, k: 2, algorithm: 'agglomerative', fast }) as never],
  ['extractions', 'ExtractionsResponse', (c, fast) => c.extractElements({ inputs: reviews, dictionary: ['staff', 'food', 'queue'], fast }) as never],
  ['summaries', 'SummariesResponse', (c, fast) => c.generateSummary({ inputs: reviews, question: 'What about the staff?', fast }) as never],
];

describe('the real PulseClient against the emulator', () => {
  let emulator: Emulator;
  let client: PulseClient;
  const spec = new SpecValidator(loadAjv());
  beforeAll(async () => {
    emulator = await startEmulator({ jobDurationMs: 30 });
    client = emulatorClient(emulator);
  });
  afterAll(() => emulator.close());

  describe.each(cases)('%s', (_name, schema, call) => {
    it.each([true, false])('fast: %s answers a body valid against the spec', async (fast) => {
      const result = await firstValueFrom(call(client, fast));
      const { matrix: _rebuilt, ...wire } = result as Record<string, unknown>; // the client adds `matrix` for self-similarity
      expect(spec.component(schema, schema === 'SimilarityResponse' && (wire as { scenario?: string }).scenario === 'self' ? wire : result)).toEqual([]);
    });
  });

  it('sentiment is plausible and negation-aware', async () => {
    const { results } = await firstValueFrom(
      client.analyzeSentiment({ inputs: ['I love this place', 'The food was not good', 'The staff were great but the queue was awful', 'It is a building'], fast: true }),
    );
    expect(results.map((r) => r.sentiment)).toEqual(['positive', 'negative', 'mixed', 'neutral']);
  });

  it('embeddings are 3072-d and L2-normalised; similar texts score higher', async () => {
    const { embeddings } = await firstValueFrom(client.createEmbeddings({ inputs: ['rude staff', 'the staff were rude', 'parking was easy'], fast: true }));
    expect(embeddings[0]!.vector).toHaveLength(3072);
    const norm = Math.hypot(...embeddings[0]!.vector);
    expect(norm).toBeCloseTo(1, 4);
    const { matrix } = await firstValueFrom(client.compareSimilarity({ set: ['rude staff', 'the staff were rude', 'parking was easy'], fast: true }));
    expect(matrix![0]![1]!).toBeGreaterThan(matrix![0]![2]!);
  });

  it('themes honour min/max and take representatives from the inputs', async () => {
    const res = await firstValueFrom(client.generateThemes({ inputs: reviews, minThemes: 2, maxThemes: 3, fast: true }));
    const themes = 'themes' in res ? res.themes : [];
    expect(themes.length).toBeGreaterThanOrEqual(2);
    expect(themes.length).toBeLessThanOrEqual(3);
    for (const t of themes) for (const r of t.representatives) expect(reviews).toContain(r);
  });

  it('data dictionaries run as jobs and infer types', async () => {
    const res = await firstValueFrom(
      client.generateDataDictionary({ data: [['Age', 'Satisfaction', 'Comment'], ['25', 'Satisfied', 'ok'], ['31', 'Very Satisfied', 'great place'], ['', 'Dissatisfied', 'dirty']] }),
    );
    expect(spec.component('DataDictionaryResponse', res)).toEqual([]);
    expect(res.codebook.variables.map((v) => [v.variableName, v.type, v.scaleLevel])).toEqual([
      ['AGE', 'numeric', 'ratio'],
      ['SATISFACTION', 'string', 'ordinal'],
      ['COMMENT', 'string', 'nominal'],
    ]);
  });

  it('health, usage estimate and credits answer', async () => {
    await expect(firstValueFrom(client.getHealth())).resolves.toMatchObject({ status: 'ok', region: 'emulator' });
    await expect(firstValueFrom(client.estimateUsage({ feature: 'sentiment', inputs: ['a', 'b'] }))).resolves.toMatchObject({ usage: { total: 2 } });
    await expect(firstValueFrom(client.getOrganizationCredits({ orgId: 'org_1' }))).resolves.toMatchObject({ organizationId: 'org_1' });
  });

  it('the result host never sees an Authorization header; the API always does', () => {
    const journal = emulator.journal();
    expect(journal.filter((e) => e.path.startsWith('/results/')).length).toBeGreaterThan(0);
    expect(journal.filter((e) => e.path.startsWith('/results/') || e.path === '/oauth/token').every((e) => !e.authorization)).toBe(true);
    expect(journal.filter((e) => e.path.startsWith('/v1/') && !e.path.startsWith('/v1/health') && !e.path.startsWith('/v1/usage')).every((e) => e.authorization)).toBe(true);
  });
});
