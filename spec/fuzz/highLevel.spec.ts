import fc from 'fast-check';
import { firstValueFrom, type Observable } from 'rxjs';
import {
  Analyzer,
  Cluster,
  PulseValidationError,
  SentimentProcess,
  Summary,
  ThemeAllocation,
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
  type PulseClient,
} from 'pulse-rx';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { emulatorClient } from '../helpers/emulatorClient';

/**
 * Fuzzing the high level (starters, processes, Analyzer, Workflow) with arbitrary input:
 * a result or a PulseValidationError, never another throw, and never a request the
 * spec-validating emulator refuses.
 */
const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constant(''), fc.integer(), fc.constant(null));
const texts = fc.oneof(fc.array(text, { maxLength: 5 }), fc.array(fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim() !== ''), { minLength: 2, maxLength: 5 }), fc.anything());
const options = fc.dictionary(
  fc.constantFrom('k', 'minThemes', 'maxThemes', 'themes', 'threshold', 'question', 'dictionary', 'fast', 'name', 'others', '__proto__', 'algorithm'),
  fc.oneof(fc.integer({ min: -2, max: 60 }), fc.double(), fc.string({ maxLength: 6 }), fc.array(fc.string({ maxLength: 6 }), { maxLength: 4 }), fc.boolean(), fc.anything()),
  { maxKeys: 3 },
);

type Starter = (texts: unknown, options: Record<string, unknown>) => Observable<unknown>;
const starters: Record<string, Starter> = {
  sentimentAnalysis: sentimentAnalysis as Starter,
  generateThemes: generateThemes as Starter,
  themeAllocation: themeAllocation as Starter,
  clusterAnalysis: clusterAnalysis as Starter,
  summarize: summarize as Starter,
  extractElements: extractElements as unknown as Starter,
  compareSimilarity: compareSimilarity as Starter,
  createEmbeddings: createEmbeddings as Starter,
  estimateUsage: ((t: unknown, o: Record<string, unknown>) => estimateUsage(t as string[], { feature: 'sentiment', ...o })) as Starter,
  generateDataDictionary: ((t: unknown, o: Record<string, unknown>) => generateDataDictionary(t as string[][], o)) as Starter,
};

describe('fuzzing the high level', () => {
  let emulator: Emulator;
  let client: PulseClient;
  beforeAll(async () => {
    emulator = await startEmulator({ jobDurationMs: 0, embeddingDimensions: 8 });
    client = emulatorClient(emulator, { poll: { minIntervalMs: 1, maxIntervalMs: 5 }, maxRetries: 0 });
  });
  afterAll(async () => {
    client.close();
    await emulator.close();
  });

  it.each(Object.entries(starters))('%s: a result or a PulseValidationError; the server never refuses', async (_name, starter) => {
    await fc.assert(
      fc.asyncProperty(texts, options, async (input, opts) => {
        const before = emulator.journal().length;
        let outcome: { error?: unknown };
        try {
          outcome = await firstValueFrom(starter(input, { ...opts, client })).then(() => ({}), (error: unknown) => ({ error }));
        } catch (thrown) {
          throw new Error(`threw synchronously: ${String(thrown)}`);
        }
        if (outcome.error !== undefined) expect(outcome.error).toBeInstanceOf(PulseValidationError);
        const refused = emulator.journal().slice(before).filter((e) => e.status === 400 || e.status === 422);
        expect(refused).toEqual([]);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 40 },
    );
  });

  it('Analyzer, processes and Workflow: built, or refused with a PulseValidationError', () => {
    const build = [
      (o: Record<string, unknown>, d: unknown) => new Analyzer({ dataset: d as string[], processes: [new SentimentProcess(o), new Cluster(o)] }),
      (o: Record<string, unknown>, d: unknown) => new Analyzer({ dataset: d as string[], processes: [new ThemeAllocation(o), new Summary(o)] }),
      (o: Record<string, unknown>, d: unknown) => new Workflow().source('t', d as string[]).themeGeneration(o).themeAllocation(o),
      (o: Record<string, unknown>) => new ThemeGeneration(o),
      (o: Record<string, unknown>) => Workflow.fromJSON(o),
    ];
    fc.assert(
      fc.property(fc.constantFrom(...build), options, texts, (make, opts, dataset) => {
        try {
          make(opts, dataset);
        } catch (e) {
          expect(e).toBeInstanceOf(PulseValidationError);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('Workflow.fromJSON of anything: a workflow or a PulseValidationError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.json(), fc.record({ sources: fc.anything(), steps: fc.array(fc.record({ type: fc.string(), k: fc.anything() })) })), (spec) => {
        try {
          Workflow.fromJSON(spec);
        } catch (e) {
          expect(e).toBeInstanceOf(PulseValidationError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
