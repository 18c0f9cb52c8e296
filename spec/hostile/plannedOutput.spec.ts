import { firstValueFrom } from 'rxjs';
import { PulseValidationError } from 'pulse-rx';
import { failure } from '../helpers/failure';
import { sentiments, startFakeApi, type FakeApi } from './fakeApi';

const same = (n: number, text = 'x') => new Array<string>(n).fill(text);

describe('unbounded work is refused before any request (issue 13, item 6)', () => {
  let api: FakeApi | undefined;
  afterEach(() => api?.close());

  beforeEach(async () => {
    api = await startFakeApi({
      '/similarity': (b) => {
        const n = (b.set as string[]).length;
        return { scenario: 'self', mode: 'flattened', n, flattened: new Array((n * (n - 1)) / 2).fill(0.5), requestId: 'r' };
      },
      '/sentiment': (b) => ({ results: sentiments((b.inputs as string[]).length), requestId: 'r' }),
    });
  });

  it('a 1e6 × 1e6 cross-similarity fails with PulseValidationError naming the sizes and the bound; nothing is sent', async () => {
    const client = api!.client();
    const e = await failure<PulseValidationError>(firstValueFrom(client.compareSimilarity({ setA: same(1e6), setB: same(1e6, 'y') })));
    expect(e).toBeInstanceOf(PulseValidationError);
    expect(e.field).toBe('setA');
    expect(e.limit).toBe(100_000_000);
    expect(e.message).toBe(
      'setA: would give a 1000000 × 1000000 similarity matrix (1000000000000 numbers); at most 100000000 (client option maxPlannedOutput)',
    );
    expect(api!.received).toEqual([]);
  });

  it('self-similarity is bounded by n × n, at the option the client sets', async () => {
    const client = api!.client({ maxPlannedOutput: 100 });
    const e = await failure<PulseValidationError>(firstValueFrom(client.compareSimilarity({ set: same(11), fast: true })));
    expect(e).toBeInstanceOf(PulseValidationError);
    expect(e.message).toContain('11 × 11 similarity matrix (121 numbers); at most 100');
    expect(api!.received).toEqual([]);
    // At the bound, the call goes through.
    const ok = await firstValueFrom(client.compareSimilarity({ set: same(10), fast: true }));
    expect(ok.n).toBe(10);
    expect(api!.received).toHaveLength(1);
  });

  it('embeddings plan inputs × 3,072 numbers: 32,553 inputs are over the default bound', async () => {
    const e = await failure<PulseValidationError>(firstValueFrom(api!.client().createEmbeddings({ inputs: same(32_553) })));
    expect(e).toBeInstanceOf(PulseValidationError);
    expect(e.field).toBe('inputs');
    expect(e.message).toContain('32553 × 3072 embeddings result');
    expect(api!.received).toEqual([]);
  });

  it('extractions plan inputs × dictionary terms', async () => {
    const client = api!.client({ maxPlannedOutput: 10 });
    const e = await failure<PulseValidationError>(firstValueFrom(client.extractElements({ inputs: same(4), dictionary: ['a', 'b', 'c'] })));
    expect(e).toBeInstanceOf(PulseValidationError);
    expect(e.message).toContain('4 × 3 extractions result');
    expect(api!.received).toEqual([]);
  });

  it('outputs that do not grow with the request (sentiment) are not bounded by it', async () => {
    const res = await firstValueFrom(api!.client({ maxPlannedOutput: 1 }).analyzeSentiment({ inputs: same(3), fast: true }));
    expect(res.results).toHaveLength(3);
  });

  it.each([0, -1, 1.5, Number.NaN, '1e8'])('the option is validated: %p', (value) => {
    expect(() => api!.client({ maxPlannedOutput: value as number })).toThrow(
      expect.objectContaining({ name: 'PulseValidationError', field: 'maxPlannedOutput' }),
    );
  });

  it('Infinity lifts the bound', async () => {
    const client = api!.client({ maxPlannedOutput: Number.POSITIVE_INFINITY });
    await expect(firstValueFrom(client.compareSimilarity({ set: same(3), fast: true }))).resolves.toMatchObject({ n: 3 });
  });
});
