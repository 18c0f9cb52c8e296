import { firstValueFrom, type Observable } from 'rxjs';
import { PulseClient, PulseValidationError } from 'pulse-rx';
import { failure } from '../helpers/failure';
import { api, resetNock, testClient } from '../helpers/testClient';
import { checkEachText, isValidText } from '../../src/client/validate';

const texts = (n: number) => Array.from({ length: n }, (_, i) => `text ${i}`);
type Call = (c: PulseClient) => Observable<unknown>;
const loose = (c: PulseClient) => c as unknown as Record<string, (req: unknown, opts?: unknown) => Observable<unknown>>;

const invalid: Array<[string, Call, string, (string | number)?]> = [
  ['empty inputs', (c) => c.analyzeSentiment({ inputs: [] }), 'inputs', 1],
  ['a non-string text', (c) => loose(c).analyzeSentiment!({ inputs: ['ok', 42] }), 'inputs[1]'],
  ['an empty text', (c) => c.analyzeSentiment({ inputs: ['ok', 'fine', '  '] }), 'inputs[2]'],
  ['an over-long text', (c) => c.analyzeSentiment({ inputs: ['x'.repeat(100_001)] }), 'inputs[0]', 100_000],
  ['inputs not an array', (c) => loose(c).analyzeSentiment!({ inputs: 'hello' }), 'inputs'],
  ['a request that is not an object', (c) => loose(c).analyzeSentiment!(null), 'request'],
  ['an unknown field', (c) => loose(c).analyzeSentiment!({ inputs: ['a'], fsat: true }), 'fsat'],
  ['fast of the wrong type', (c) => loose(c).analyzeSentiment!({ inputs: ['a'], fast: 'yes' }), 'fast'],
  ['one text for themes', (c) => c.generateThemes({ inputs: ['only'] }), 'inputs', 2],
  ['minThemes above maxThemes', (c) => c.generateThemes({ inputs: texts(3), minThemes: 5, maxThemes: 2 }), 'minThemes', 2],
  ['maxThemes above 50', (c) => c.generateThemes({ inputs: texts(3), maxThemes: 51 }), 'maxThemes', '1..50'],
  ['prune above 25', (c) => c.generateThemes({ inputs: texts(3), prune: 30 }), 'prune', '0..25'],
  ['initialSets without interactive', (c) => c.generateThemes({ inputs: texts(3), initialSets: 2 }), 'initialSets'],
  ['k of 0', (c) => c.clusterTexts({ inputs: texts(3), k: 0 }), 'k', '1..50'],
  ['fractional k', (c) => c.clusterTexts({ inputs: texts(3), k: 1.5 }), 'k', '1..50'],
  ['NaN k', (c) => c.clusterTexts({ inputs: texts(3), k: Number.NaN }), 'k'],
  ['k above the inputs', (c) => c.clusterTexts({ inputs: texts(3), k: 4 }), 'k', 3],
  ['501 texts to cluster in sync mode', (c) => c.clusterTexts({ inputs: texts(501), k: 2, fast: true }), 'inputs', 500],
  ['a dictionary of 2 terms', (c) => c.extractElements({ inputs: ['a'], dictionary: ['x', 'y'] }), 'dictionary', 3],
  ['a dictionary of 201 terms', (c) => c.extractElements({ inputs: ['a'], dictionary: texts(201) }), 'dictionary', 200],
  ['expanding a themes dictionary', (c) => c.extractElements({ inputs: ['a'], dictionary: texts(3), type: 'themes', expandDictionary: true }), 'expandDictionary'],
  ['201 texts to summarise in sync mode (summaries are not split)', (c) => c.generateSummary({ inputs: texts(201), question: 'q', fast: true }), 'inputs', 200],
  ['5001 texts to summarise as a job', (c) => c.generateSummary({ inputs: texts(5001), question: 'q' }), 'inputs', 5000],
  ['an empty text deep in a batched input', (c) => c.analyzeSentiment({ inputs: [...texts(300), ''], fast: true }), 'inputs[300]'],
  ['a bad concurrency option', (c) => c.analyzeSentiment({ inputs: ['a'] }, { concurrency: 0 }), 'options.concurrency'],
  ['a summary without question', (c) => loose(c).generateSummary!({ inputs: ['a'] }), 'question'],
  ['an unknown summary preset', (c) => loose(c).generateSummary!({ inputs: ['a'], question: 'q', preset: 'haiku' }), 'preset'],
  ['set with setA', (c) => c.compareSimilarity({ set: ['a', 'b'], setA: ['c'], setB: ['d'] }), 'set'],
  ['setA without setB', (c) => c.compareSimilarity({ setA: ['a'] }), 'setB'],
  ['neither set nor setA', (c) => c.compareSimilarity({}), 'set'],
  ['self-similarity of one text', (c) => c.compareSimilarity({ set: ['a'] }), 'set', 2],
  ['fast data dictionary', (c) => loose(c).generateDataDictionary!({ data: [['a']], fast: true }), 'fast'],
  ['a ragged data array', (c) => c.generateDataDictionary({ data: [['a', 'b'], ['1']] }), 'data[1]', 2],
  ['a non-string cell', (c) => loose(c).generateDataDictionary!({ data: [['a'], [1]] }), 'data[1][0]'],
  ['over 100,000 cells', (c) => c.generateDataDictionary({ data: Array.from({ length: 50_000 }, () => ['a', 'b', 'c']) }), 'data', 100_000],
  ['a bad language code', (c) => c.generateDataDictionary({ data: [['a']], options: { language: 'english' } }), 'options.language'],
  ['an unknown usage feature', (c) => loose(c).estimateUsage!({ feature: 'magic', inputs: ['a'] }), 'feature'],
  ['an empty org id', (c) => c.getOrganizationCredits({ orgId: '' }), 'orgId'],
  ['a bad observe option', (c) => loose(c).analyzeSentiment!({ inputs: ['a'] }, { observe: 'response' }), 'options.observe'],
  ['a negative per-call timeout', (c) => c.analyzeSentiment({ inputs: ['a'] }, { timeoutMs: -1 }), 'options.timeoutMs'],
  ['an empty job id', (c) => c.jobs.status(''), 'jobId'],
  ['an unknown job kind', (c) => c.jobs.poll('j', 'astrology' as never), 'kind'],
];

describe('client-side validation', () => {
  let hits = 0;
  beforeEach(() => {
    resetNock();
    hits = 0;
    const count = (): [number, string] => {
      hits++;
      return [500, 'should not be called'];
    };
    api().persist().post(/.*/).reply(count).get(/.*/).reply(count);
  });
  afterEach(() => expect(hits).toBe(0));

  // Rows padded to four cells: jest would take a missing fourth argument for a `done` callback.
  it.each(invalid.map(([n, c, f, l]) => [n, c, f, l ?? null] as const))('%s: PulseValidationError, nothing sent', async (_name, call, field, limit) => {
    const { client } = testClient();
    const e = await failure<PulseValidationError>(firstValueFrom(call(client)));
    expect(e).toBeInstanceOf(PulseValidationError);
    expect(e.field).toBe(field);
    if (limit !== null) expect(e.limit).toBe(limit);
    expect(e.message.startsWith(`${field}: `)).toBe(true);
  });

  it('the error describes the value without echoing it', async () => {
    const { client } = testClient();
    const secretish = 'my private diary entry '.repeat(5000);
    const e = await failure<PulseValidationError>(firstValueFrom(client.analyzeSentiment({ inputs: [secretish] })));
    expect(e.value).toBe(`string of ${secretish.length} chars`);
    expect(JSON.stringify(e)).not.toContain('diary');
  });

  it('nothing happens before subscribe: invalid input errors on subscription, not on call', () => {
    const { client } = testClient();
    expect(() => client.analyzeSentiment({ inputs: [] })).not.toThrow();
  });

  it('refuses bad client options at construction', () => {
    expect(() => new PulseClient({ baseUrl: 'http://pulse.example.com/v1' })).toThrow(expect.objectContaining({ field: 'baseUrl' }));
    expect(() => new PulseClient({ baseUrl: 'http://pulse.example.com/v1', allowInsecureHttp: true })).not.toThrow();
    expect(() => new PulseClient({ baseUrl: 'http://127.0.0.1:4010/v1' })).not.toThrow();
    expect(() => new PulseClient({ baseUrl: 'not a url' })).toThrow(expect.objectContaining({ field: 'baseUrl' }));
    expect(() => new PulseClient({ timeoutMs: 0 })).toThrow(expect.objectContaining({ field: 'timeoutMs' }));
    expect(() => new PulseClient({ maxRetries: -1 })).toThrow(expect.objectContaining({ field: 'maxRetries' }));
    expect(() => new PulseClient({ concurrency: 2.5 })).toThrow(expect.objectContaining({ field: 'concurrency' }));
    expect(() => PulseClient.withToken('  ')).toThrow(expect.objectContaining({ field: 'token' }));
  });
});

describe('isValidText (the allocation-free text check)', () => {
  it('calls blank exactly what trim() calls blank, for every UTF-16 code unit', () => {
    const disagree: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const text = `${String.fromCharCode(code)} `;
      if (isValidText(text, 10) !== (text.trim() !== '')) disagree.push(code);
    }
    expect(disagree).toEqual([]);
  });

  it('a long batch names the first bad index, holes included', async () => {
    const inputs = Array.from({ length: 5000 }, (_, i) => `text ${i}`);
    inputs[4321] = ' \u00a0\ufeff\u3000 ';
    const e = await failure<PulseValidationError>(firstValueFrom(testClient().client.analyzeSentiment({ inputs })));
    expect(e.field).toBe('inputs[4321]');
    expect(e.message).toContain('must not be empty');
    const sparse = ['a', 'b'];
    sparse.length = 3; // a hole at index 2
    expect(() => checkEachText('inputs', sparse, 100)).toThrow(expect.objectContaining({ field: 'inputs[2]' }));
  });
});
