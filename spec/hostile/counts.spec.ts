import { firstValueFrom, from, lastValueFrom, toArray } from 'rxjs';
import { allocateThemes, analyzeSentiment, PulseBatchError, ResponseValidationError } from 'pulse-rx';
import { failure } from '../helpers/failure';
import { sentiments, startFakeApi, type FakeApi, type Route } from './fakeApi';

const texts = (n: number, p = 't') => Array.from({ length: n }, (_, i) => `${p}${i}`);
const inputsOf = (b: Record<string, unknown>) => (b.inputs as string[]).length;

describe('result counts are checked against the request (issue 13, item 1)', () => {
  let api: FakeApi | undefined;
  afterEach(() => api?.close());
  const start = async (routes: Record<string, Route>) => (api = await startFakeApi(routes));

  it.each([2, 4])('sentiment of 3 inputs answered with %i results fails with ResponseValidationError', async (count) => {
    await start({ '/sentiment': () => ({ results: sentiments(count), requestId: 'r' }) });
    const e = await failure<ResponseValidationError>(firstValueFrom(api!.client().analyzeSentiment({ inputs: texts(3), fast: true })));
    expect(e).toBeInstanceOf(ResponseValidationError);
    expect(e.message).toBe(`unexpected sentiment response: results has ${count} items for 3 inputs`);
    expect(e.issues).toEqual([{ path: 'results', message: `expected 3 (inputs), received ${count}` }]);
  });

  it('a split sentiment call (201 inputs) whose first batch answers 199 for 200 names the batch', async () => {
    await start({ '/sentiment': (b, n) => ({ results: sentiments(inputsOf(b) - (n === 0 ? 1 : 0)), requestId: 'r' }) });
    const e = await failure<PulseBatchError>(firstValueFrom(api!.client({ concurrency: 1 }).analyzeSentiment({ inputs: texts(201), fast: true })));
    expect(e).toBeInstanceOf(PulseBatchError);
    expect([e.batchIndex, e.batchCount]).toEqual([0, 2]);
    expect(e.cause).toBeInstanceOf(ResponseValidationError);
    expect(e.message).toBe('batch 1 of 2 failed: unexpected sentiment response: results has 199 items for 200 inputs');
  });

  it('the sentiment operator fails rather than emitting 2 results for 3 texts and completing', async () => {
    await start({ '/sentiment': () => ({ results: sentiments(2), requestId: 'r' }) });
    const e = await failure(lastValueFrom(from(texts(3)).pipe(analyzeSentiment(api!.client(), { fast: true }), toArray())));
    expect(e).toBeInstanceOf(ResponseValidationError);
  });

  it('a job result (result link) with too few results fails the same way', async () => {
    await start({
      '/sentiment': () => ({ job_id: 'j1' }),
      '/jobs': () => ({ status: 'completed', result_url: `${api!.url}/results/j1` }),
      '/results/j1': () => ({ results: sentiments(1), requestId: 'r' }),
    });
    const client = api!.client({ poll: { minIntervalMs: 1, maxIntervalMs: 2 } });
    const e = await failure(firstValueFrom(client.analyzeSentiment({ inputs: texts(3), fast: false })));
    expect(e).toBeInstanceOf(ResponseValidationError);
    expect((e as Error).message).toContain('results has 1 items for 3 inputs');
  });

  it('embeddings: 3 vectors for 2 inputs', async () => {
    await start({ '/embeddings': () => ({ embeddings: texts(3).map((text) => ({ text, vector: [1, 0] })), requestId: 'r' }) });
    const e = await failure(firstValueFrom(api!.client().createEmbeddings({ inputs: texts(2), fast: true })));
    expect(e).toBeInstanceOf(ResponseValidationError);
    expect((e as Error).message).toBe('unexpected embeddings response: embeddings has 3 items for 2 inputs');
  });

  it.each([
    ['one row short', { dictionary: ['a', 'b', 'c'], results: [[[], [], []]] }, 'results has 1 items for 2 inputs'],
    ['a row missing a term', { dictionary: ['a', 'b', 'c'], results: [[[], [], []], [[], []]] }, 'results[1] has 2 items for 3 dictionary terms'],
  ])('extractions: %s', async (_name, body, message) => {
    await start({ '/extractions': () => ({ ...body, requestId: 'r' }) });
    const req = { inputs: texts(2), dictionary: ['a', 'b', 'c'], fast: true };
    const e = await failure(firstValueFrom(api!.client().extractElements(req)));
    expect(e).toBeInstanceOf(ResponseValidationError);
    expect((e as Error).message).toContain(message);
  });

  it.each([
    ['a short triangle', { scenario: 'self', mode: 'flattened', n: 3, flattened: [0.1, 0.2] }, 'flattened has 2 items for 3 pairs'],
    ['a wrong n', { scenario: 'self', mode: 'flattened', n: 4, flattened: [0.1, 0.2, 0.3] }, 'n is 4 for 3 texts in set'],
    ['a cross answer', { scenario: 'cross', mode: 'flattened', n: 3, flattened: [0.1, 0.2, 0.3] }, 'scenario is "cross"'],
  ])('self-similarity of 3 texts with %s', async (_name, body, message) => {
    await start({ '/similarity': () => ({ ...body, requestId: 'r' }) });
    const e = await failure(firstValueFrom(api!.client().compareSimilarity({ set: texts(3), fast: true })));
    expect(e).toBeInstanceOf(ResponseValidationError);
    expect((e as Error).message).toContain(message);
  });

  it.each([
    ['an extra row', { matrix: [[1, 2], [3, 4], [5, 6]] }, 'matrix has 3 items for 2 rows'],
    ['a short row', { matrix: [[1, 2], [3]] }, 'matrix[1] has 1 items for 2 columns'],
    ['a short flattened array', { flattened: [1, 2, 3] }, 'flattened has 3 items for 4 pairs of 2 × 2 texts'],
  ])('cross-similarity 2 × 2 with %s', async (_name, body, message) => {
    await start({ '/similarity': () => ({ scenario: 'cross', mode: 'matrix', ...body, requestId: 'r' }) });
    const e = await failure(firstValueFrom(api!.client().compareSimilarity({ setA: texts(2), setB: texts(2, 'u'), fast: true })));
    expect(e).toBeInstanceOf(ResponseValidationError);
    expect((e as Error).message).toContain(message);
  });

  it('a split cross-similarity whose tiles carry an extra row fails typed (was a TypeError)', async () => {
    const tile = (b: Record<string, unknown>) => {
      const a = (b.set_a as string[]).length + 1;
      const c = (b.set_b as string[]).length;
      return { scenario: 'cross', mode: 'matrix', n: a, matrix: Array.from({ length: a }, () => new Array(c).fill(0.5)), requestId: 'r' };
    };
    await start({ '/similarity': tile });
    // 201 × 100 = 20,100 pairs: over the 20,000 synchronous pairs, so split into tiles.
    const e = await failure<PulseBatchError>(firstValueFrom(api!.client().compareSimilarity({ setA: texts(201), setB: texts(100, 'u'), fast: true })));
    expect(e).toBeInstanceOf(PulseBatchError);
    expect(e.cause).toBeInstanceOf(ResponseValidationError);
    expect(e.message).toMatch(/^batch \d+ of \d+ failed: unexpected similarity response: n is \d+ for \d+ texts in setA$/);
  });

  it('theme allocation (the allocateThemes operator) fails on a matrix with a missing row', async () => {
    await start({ '/similarity': () => ({ scenario: 'cross', mode: 'matrix', n: 2, matrix: [[0.9, 0.1], [0.2, 0.8]], requestId: 'r' }) });
    const allocated$ = from(texts(3)).pipe(allocateThemes(api!.client(), { themes: ['Staff', 'Food'], fast: true }), toArray());
    const e = await failure(lastValueFrom(allocated$));
    expect(e).toBeInstanceOf(ResponseValidationError);
    expect((e as Error).message).toContain('n is 2 for 3 texts in setA');
  });

  it('answers of the right size pass (the recorded shapes)', async () => {
    await start({
      '/sentiment': (b) => ({ results: sentiments(inputsOf(b)), requestId: 'r' }),
      '/similarity': (b) =>
        b.set
          ? { scenario: 'self', mode: 'flattened', n: 3, flattened: [0.1, 0.2, 0.3], requestId: 'r' }
          : { scenario: 'cross', mode: 'matrix', n: 2, flattened: [1, 2], matrix: [[1], [2]], requestId: 'r' },
    });
    const client = api!.client();
    await expect(firstValueFrom(client.analyzeSentiment({ inputs: texts(201), fast: true }))).resolves.toMatchObject({ results: sentiments(201) });
    const self = await firstValueFrom(client.compareSimilarity({ set: texts(3), fast: true }));
    expect(self.matrix).toEqual([
      [1, 0.1, 0.2],
      [0.1, 1, 0.3],
      [0.2, 0.3, 1],
    ]);
    const cross = await firstValueFrom(client.compareSimilarity({ setA: texts(2), setB: ['x'], fast: true }));
    expect(cross.matrix).toEqual([[1], [2]]);
  });
});
