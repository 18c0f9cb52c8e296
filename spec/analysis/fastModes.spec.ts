import { lastValueFrom, type Observable } from 'rxjs';
import {
  Analyzer,
  Cluster,
  DataDictionary,
  Embeddings,
  PulseValidationError,
  SentimentProcess,
  Similarity,
  Summary,
  ThemeAllocation,
  ThemeExtraction,
  ThemeGeneration,
  Workflow,
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
  type FastMode,
  type PulseClient,
} from 'pulse-rx';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { emulatorClient } from '../helpers/emulatorClient';

/**
 * Issue 12, item 2: every starter, process and Workflow works with `fast` true, false and
 * 'auto' on both sides of the API's limits (200 synchronous, 5,000 as a job). The only
 * failures allowed are the API's own limits for endpoints that are never split (a summary,
 * clusters), as a `PulseValidationError` naming `inputs` before anything is sent.
 */
const SIZES = [1, 200, 201, 5000, 5001];
const MODES: FastMode[] = [true, false, 'auto'];
const words = ['staff', 'food', 'queue', 'ride', 'price', 'toilet', 'parking', 'show', 'coffee', 'map', 'ticket'];
const corpus = Array.from({ length: 5001 }, (_, i) => `the ${words[i % 11]} was ${i % 3 ? 'great' : 'poor'} on visit ${i}`);

/** The field of the expected validation error at `n` texts in mode `fast`, or undefined. */
type Limit = (n: number, fast: FastMode) => string | undefined;
const none: Limit = () => undefined;
const atLeastTwo: Limit = (n) => (n < 2 ? 'inputs' : undefined);
/** Never split: 200 synchronously, 5,000 as a job. */
const summaryLimit: Limit = (n, fast) => (n > 5000 || (fast === true && n > 200) ? 'inputs' : undefined);
/** Never split: 2 to 500 synchronously, 44,721 as a job. */
const clusterLimit: Limit = (n, fast) => (n < 2 || (fast === true && n > 500) ? 'inputs' : undefined);
const similarityLimit: Limit = (n) => (n < 2 ? 'set' : undefined);

interface Case {
  name: string;
  run: (texts: string[], fast: FastMode, client: PulseClient) => Observable<unknown>;
  limit: Limit;
  /**
   * Also at 5,000 and 5,001 texts. Only a representative subset is: a run there costs 1 to
   * 4 s of emulator time each (self-similarity: 12.5 M pairs), and the paths are those of
   * 201 texts (split into synchronous parts) or of one job, plus the split into two jobs.
   */
  large?: boolean;
}

type Processes = ConstructorParameters<typeof Analyzer>[0]['processes'];
const analyze = (processes: Processes) => (texts: string[], fast: FastMode, client: PulseClient) =>
  new Analyzer({ dataset: texts, processes, client, fast }).run();

const starters: Case[] = [
  { name: 'sentimentAnalysis', run: (t, fast, client) => sentimentAnalysis(t, { fast, client }), limit: none },
  {
    name: 'generateThemes',
    run: (t, fast, client) => generateThemes(t, { fast, client }),
    limit: atLeastTwo,
    large: true,
  },
  { name: 'themeAllocation', run: (t, fast, client) => themeAllocation(t, { fast, client }), limit: atLeastTwo },
  { name: 'clusterAnalysis', run: (t, fast, client) => clusterAnalysis(t, { k: 2, fast, client }), limit: clusterLimit },
  { name: 'summarize', run: (t, fast, client) => summarize(t, { fast, client }), limit: summaryLimit },
  {
    name: 'extractElements',
    run: (t, fast, client) => extractElements(t, { dictionary: ['staff', 'food', 'ride'], fast, client }),
    limit: none,
  },
  { name: 'compareSimilarity', run: (t, fast, client) => compareSimilarity(t, { fast, client }), limit: similarityLimit },
  { name: 'createEmbeddings', run: (t, fast, client) => createEmbeddings(t, { fast, client }), limit: none },
  {
    name: 'estimateUsage (no fast option)',
    run: (t, _fast, client) => estimateUsage(t, { feature: 'sentiment', client }),
    limit: none,
    large: true,
  },
  {
    name: 'generateDataDictionary (jobs only)',
    run: (t, _fast, client) => generateDataDictionary([['comment'], ...t.map((x) => [x])], { client }),
    limit: none,
  },
];

const processes: Case[] = [
  { name: 'SentimentProcess', run: analyze([new SentimentProcess()]), limit: none, large: true },
  { name: 'ThemeGeneration', run: analyze([new ThemeGeneration()]), limit: atLeastTwo },
  {
    name: 'ThemeGeneration + ThemeAllocation',
    run: analyze([new ThemeGeneration(), new ThemeAllocation()]),
    limit: atLeastTwo,
  },
  {
    name: 'ThemeExtraction',
    run: analyze([new ThemeGeneration({ minThemes: 3, maxThemes: 4 }), new ThemeExtraction()]),
    limit: atLeastTwo,
  },
  { name: 'Similarity', run: analyze([new Similarity()]), limit: similarityLimit },
  { name: 'Cluster', run: analyze([new Cluster({ k: 2 })]), limit: clusterLimit },
  { name: 'Summary', run: analyze([new Summary()]), limit: summaryLimit },
  { name: 'DataDictionary', run: analyze([new DataDictionary()]), limit: none },
  { name: 'Embeddings', run: analyze([new Embeddings()]), limit: none },
];

const workflow: Case = {
  name: 'Workflow (sentiment, themes, allocation)',
  run: (t, fast, client) => new Workflow().source('texts', t).sentiment().themeGeneration().themeAllocation().run({ client, fast }),
  limit: atLeastTwo,
};

const table = (cases: Case[]) =>
  cases.flatMap((c) =>
    SIZES.filter((n) => n < 5000 || c.large).flatMap((n) =>
      MODES.map((fast) => ({ c, n, fast, name: `${c.name}, ${n} texts, fast: ${String(fast)}` })),
    ),
  );

describe('fast true, false and auto at 1, 200, 201, 5,000 and 5,001 texts (emulator)', () => {
  let emulator: Emulator;
  let client: PulseClient;
  beforeAll(async () => {
    emulator = await startEmulator({ jobDurationMs: 0, embeddingDimensions: 8 });
    client = emulatorClient(emulator, { concurrency: 8, poll: { minIntervalMs: 5, maxIntervalMs: 10 } });
  });
  afterAll(async () => {
    client.close();
    await emulator.close();
  });

  const check = async ({ c, n, fast }: { c: Case; n: number; fast: FastMode }) => {
    const texts = corpus.slice(0, n);
    const outcome = await lastValueFrom(c.run(texts, fast, client)).then(
      () => 'ok',
      (e: unknown) => e,
    );
    const field = c.limit(n, fast);
    if (field === undefined) {
      expect(outcome).toBe('ok');
    } else {
      expect(outcome).toBeInstanceOf(PulseValidationError);
      expect(outcome).toMatchObject({ field });
    }
  };

  it.each(table(starters))('starter $name', check);
  it.each(table(processes))('process via Analyzer: $name', check);
  it.each(table([workflow]))('$name', check);
});
