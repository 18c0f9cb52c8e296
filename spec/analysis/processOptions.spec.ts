import axios from 'axios';
import { firstValueFrom } from 'rxjs';
import type * as z from 'zod/mini';
import {
  Analyzer,
  Cluster,
  ClusteringRequestSchema,
  DataDictionary,
  DataDictionaryRequestSchema,
  Embeddings,
  EmbeddingsRequestSchema,
  ExtractionsRequestSchema,
  PulseValidationError,
  SentimentProcess,
  SentimentRequestSchema,
  Similarity,
  SimilarityRequestSchema,
  SummariesRequestSchema,
  Summary,
  ThemeAllocation,
  ThemeExtraction,
  ThemeGeneration,
  ThemesRequestSchema,
  type PulseClient,
} from 'pulse-rx';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { emulatorClient } from '../helpers/emulatorClient';

const texts = ['The staff were rude and slow', 'Rides were great fun', 'Food was cold and overpriced', 'Queues were long'];
const provider = { type: 'openai', auth: { apiKey: 'sk-not-a-real-key' }, endpoint: 'https://models.example' };
const split = { unit: 'sentence', agg: 'max' } as const;

/** How the client names a request field on the wire. */
const WIRE: Record<string, string> = { setA: 'set_a', setB: 'set_b', expandDictionary: 'expand_dictionary', expandDictionaryLimit: 'expand_dictionary_limit' };

interface Case {
  label: string;
  path: string;
  schema: z.ZodMiniObject;
  /** Fields the process fills itself, with the reason (never an option). */
  fixed: Record<string, string>;
  /** One value for every other field: the process's option of the same name. */
  options: Record<string, unknown>;
  build: (options: Record<string, unknown>) => unknown;
  /** The object holding the fields in the sent body. @default the body */
  nested?: string;
}

const cases: Case[] = [
  {
    label: 'ThemeGeneration',
    path: '/themes',
    schema: ThemesRequestSchema,
    fixed: { inputs: 'the texts' },
    options: { minThemes: 2, maxThemes: 3, context: 'a theme park', version: '2025-09-01', prune: 1, interactive: true, initialSets: 2, provider, fast: true },
    build: (o) => new ThemeGeneration(o),
  },
  {
    label: 'SentimentProcess',
    path: '/sentiment',
    schema: SentimentRequestSchema,
    fixed: { inputs: 'the texts' },
    options: { version: 'v2', provider, fast: true },
    build: (o) => new SentimentProcess(o),
  },
  {
    label: 'ThemeAllocation',
    path: '/similarity',
    schema: SimilarityRequestSchema,
    fixed: { set: 'cross-similarity only', setA: 'the texts', setB: 'the themes', flatten: 'the allocation needs the matrix' },
    options: { split, version: 'v2', provider, fast: true },
    build: (o) => new ThemeAllocation({ ...o, themes: ['Staff', 'Food'] }),
  },
  {
    label: 'ThemeExtraction',
    path: '/extractions',
    schema: ExtractionsRequestSchema,
    fixed: { inputs: 'the texts' },
    options: {
      dictionary: ['staff', 'food', 'queues'],
      type: 'named-entities',
      category: 'park',
      expandDictionary: true,
      expandDictionaryLimit: 5,
      version: 'v2',
      provider,
      fast: true,
    },
    build: (o) => new ThemeExtraction(o),
  },
  {
    label: 'Similarity',
    path: '/similarity',
    schema: SimilarityRequestSchema,
    fixed: { set: 'the texts, without setB' },
    options: { setA: ['Staff', 'Food'], setB: ['Rides', 'Queues'], flatten: true, split, version: 'v2', provider, fast: true },
    build: (o) => new Similarity(o),
  },
  {
    label: 'Cluster',
    path: '/clustering',
    schema: ClusteringRequestSchema,
    fixed: { inputs: 'the texts' },
    options: { k: 2, algorithm: 'agglomerative', fast: true },
    build: (o) => new Cluster(o),
  },
  {
    label: 'Summary',
    path: '/summaries',
    schema: SummariesRequestSchema,
    fixed: { inputs: 'the texts' },
    options: { question: 'What went wrong?', length: 'short', preset: 'five-point', fast: true },
    build: (o) => new Summary(o),
  },
  {
    label: 'Embeddings',
    path: '/embeddings',
    schema: EmbeddingsRequestSchema,
    fixed: { inputs: 'the texts' },
    options: { provider, fast: true },
    build: (o) => new Embeddings(o),
  },
  {
    label: 'DataDictionary',
    path: '/data-dictionary',
    schema: DataDictionaryRequestSchema.shape.options.def.innerType,
    nested: 'options',
    fixed: {},
    options: { title: 'Park survey', description: 'Visitor comments', context: 'A theme park', language: 'en' },
    build: (o) => new DataDictionary(o),
  },
];


/** What `build` throws (undefined when it does not). */
function thrownBy(build: () => unknown): unknown {
  try {
    build();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('every field of the wire request a process wraps is reachable from the process', () => {
  let emulator: Emulator;
  let client: PulseClient;
  const bodies: Array<{ url: string; body: Record<string, unknown> }> = [];

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, jobDurationMs: 20 });
    const http = axios.create();
    http.interceptors.request.use((config) => {
      // Interceptors run before axios serialises the body: the API's bodies are still objects here.
      const data: unknown = typeof config.data === 'string' && config.data.startsWith('{') ? JSON.parse(config.data) : config.data;
      if (data !== null && typeof data === 'object' && !(config.url ?? '').includes('token')) {
        bodies.push({ url: config.url ?? '', body: data as Record<string, unknown> });
      }
      return config;
    });
    client = emulatorClient(emulator, { axios: http });
  });
  afterAll(async () => {
    client.close();
    await emulator.close();
  });

  it('DataDictionary: fast and data are the process\'s own (always a job, the texts as a column)', () => {
    expect(Object.keys(DataDictionaryRequestSchema.shape).sort()).toEqual(['data', 'fast', 'options']);
  });

  it.each(cases)('$label', async ({ path, schema, fixed, options, build, nested }) => {
    const unreachable = Object.keys(schema.shape).filter((field) => !(field in fixed) && !(field in options));
    expect(unreachable).toEqual([]);

    bodies.length = 0;
    const analyzer = new Analyzer({ dataset: texts, processes: [build(options) as never], client, fast: false });
    await firstValueFrom(analyzer.run());
    const sent = bodies.filter((b) => b.url.endsWith(path));
    expect(sent).toHaveLength(1);
    const body = nested ? (sent[0]!.body[nested] as Record<string, unknown>) : sent[0]!.body;
    for (const [field, value] of Object.entries(options)) {
      const wire = WIRE[field] ?? field;
      // The run asks for jobs (fast: false); the step's own fast: true wins.
      expect([field, body[wire]]).toEqual([field, field === 'split' ? { unit: 'sentence', agg: 'max' } : value]);
    }
  });
});

describe('new process options are checked when the process is built, naming the option', () => {
  it.each([
    ['fast', () => new SentimentProcess({ fast: 'yes' as never }), 'sentiment.fast'],
    ['provider', () => new Embeddings({ provider: { type: '' } as never }), 'embeddings.provider'],
    ['interactive', () => new ThemeGeneration({ interactive: 1 as never }), 'themeGeneration.interactive'],
    ['initialSets range', () => new ThemeGeneration({ interactive: true, initialSets: 4 }), 'themeGeneration.initialSets'],
    ['initialSets without interactive', () => new ThemeGeneration({ initialSets: 2 }), 'themeGeneration.initialSets'],
    ['singleLabel', () => new ThemeAllocation({ themes: ['a'], singleLabel: 'no' as never }), 'themeAllocation.singleLabel'],
    ['split', () => new ThemeAllocation({ themes: ['a'], split: 'paragraph' as never }), 'themeAllocation.split'],
    ['setB', () => new Similarity({ setB: [] }), 'similarity.setB'],
    ['setA without setB', () => new Similarity({ setA: ['a', 'b'] }), 'similarity.setB'],
    ['flatten', () => new Similarity({ flatten: 'true' as never }), 'similarity.flatten'],
    ['dictionary', () => new ThemeExtraction({ dictionary: ['a', ''] }), 'themeExtraction.dictionary'],
    ['dictionary with themes', () => new ThemeExtraction({ dictionary: ['a'], themes: ['b'] }), 'themeExtraction.dictionary'],
    ['type', () => new ThemeExtraction({ dictionary: ['a'], type: 'people' as never }), 'themeExtraction.type'],
    ['expandDictionary with themes', () => new ThemeExtraction({ themes: ['a'], expandDictionary: true }), 'themeExtraction.expandDictionary'],
    ['expandDictionaryLimit', () => new ThemeExtraction({ dictionary: ['a'], expandDictionaryLimit: -1 }), 'themeExtraction.expandDictionaryLimit'],
    ['data dictionary fast', () => new DataDictionary({ fast: true as never }), 'dataDictionary.fast'],
  ])('%s', (_label, build, field) => {
    const error = thrownBy(build);
    expect(error).toBeInstanceOf(PulseValidationError);
    expect((error as PulseValidationError).field).toBe(field);
  });

  const misspelt: Array<[string, () => unknown, string, string]> = [
    ['ThemeGeneration', () => new ThemeGeneration({ minThemse: 2 } as never), 'themeGeneration.minThemse', 'unknown option; did you mean minThemes?'],
    ['SentimentProcess', () => new SentimentProcess({ fastt: true } as never), 'sentiment.fastt', 'unknown option; did you mean fast?'],
    ['ThemeAllocation', () => new ThemeAllocation({ themesFom: 'x' } as never), 'themeAllocation.themesFom', 'unknown option; did you mean themesFrom?'],
    ['ThemeExtraction', () => new ThemeExtraction({ dictionary: ['a'], expandDictionaryLimt: 3 } as never), 'themeExtraction.expandDictionaryLimt', 'unknown option; did you mean expandDictionaryLimit?'],
    ['Similarity', () => new Similarity({ setB: ['a'], flaten: true } as never), 'similarity.flaten', 'unknown option; did you mean flatten?'],
    ['Cluster: named, the error uses the name', () => new Cluster({ name: 'groups', K: 3 } as never), 'groups.K', 'unknown option; did you mean k?'],
    ['Cluster: a provider, which clustering does not take', () => new Cluster({ provider } as never), 'cluster.provider', 'unknown option'],
    ['Summary', () => new Summary({ questoin: 'Why?' } as never), 'summary.questoin', 'unknown option; did you mean question?'],
    ['DataDictionary: a key the request would refuse at run time', () => new DataDictionary({ titel: 'Survey' } as never), 'dataDictionary.titel', 'unknown option; did you mean title?'],
    ['Embeddings: nothing close', () => new Embeddings({ colour: 'red' } as never), 'embeddings.colour', 'unknown option'],
    [
      'a typo is reported before the problem it causes (setB looks missing)',
      () => new Similarity({ setA: ['a'], setb: ['b'] } as never),
      'similarity.setb',
      'unknown option; did you mean setB?',
    ],
    [
      'source: a Workflow step option, with no meaning for a process of an Analyzer',
      () => new SentimentProcess({ source: 'reviews' } as never),
      'sentiment.source',
      "is a Workflow step's option: the processes of an Analyzer all read its dataset",
    ],
  ];

  it.each(misspelt)('an unknown key fails, naming it and the closest known one: %s', (_label, build, field, problem) => {
    const error = thrownBy(build);
    expect(error).toBeInstanceOf(PulseValidationError);
    expect((error as PulseValidationError).field).toBe(field);
    expect((error as PulseValidationError).message).toBe(`${field}: ${problem}`);
  });

  it('every process accepts each of its documented options (the key lists match the types)', () => {
    for (const { options, build } of cases) expect(() => build({ ...options, name: 'step' })).not.toThrow();
  });

  it('a provider\'s auth never appears in the parameters (graph labels, cache keys)', () => {
    const p = new SentimentProcess({ provider });
    expect(JSON.stringify(p.params())).not.toContain('sk-not-a-real-key');
  });
});
