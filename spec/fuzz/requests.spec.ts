import fc from 'fast-check';
import { firstValueFrom, type Observable } from 'rxjs';
import { PulseClient, PulseValidationError } from 'pulse-rx';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { emulatorClient } from '../helpers/emulatorClient';

/**
 * Fuzzing the public methods with arbitrary requests against the emulator, whose
 * validator is compiled from the spec: the client either refuses the input with a
 * PulseValidationError (sending nothing) or sends a request the spec accepts and returns a
 * result. Never an untyped throw, never a 400 from the server, never a polluted prototype.
 */
const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constant(''), fc.constant('   '), fc.integer(), fc.constant(null), fc.double());
const texts = fc.oneof(fc.array(text, { maxLength: 6 }), fc.array(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 6 }), fc.anything());
const number = fc.oneof(fc.integer({ min: -3, max: 60 }), fc.double(), fc.constant(Number.NaN), fc.constant(1.5), fc.string());
const fast = fc.oneof(fc.boolean(), fc.constant('auto' as const), fc.string({ maxLength: 3 }), fc.constant(undefined));
const polluting = fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra'), fc.anything(), { maxKeys: 2 });

const word = fc.string({ minLength: 1, maxLength: 10 }).filter((w) => w.trim() !== '');
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max });

const requests: Record<string, fc.Arbitrary<unknown>> = {
  analyzeSentiment: fc.record({ inputs: texts, fast, version: fc.option(fc.string({ maxLength: 5 }), { nil: undefined }) }, { requiredKeys: [] }),
  createEmbeddings: fc.record({ inputs: texts, fast }, { requiredKeys: [] }),
  compareSimilarity: fc.oneof(
    fc.record({ set: texts, setA: texts, setB: texts, fast, flatten: fc.oneof(fc.boolean(), fc.string()) }, { requiredKeys: [] }),
    fc.record({ set: words(2, 5), fast: fc.boolean(), flatten: fc.boolean() }),
    fc.record({ setA: words(1, 3), setB: words(1, 3), fast: fc.boolean(), flatten: fc.boolean() }),
  ),
  generateThemes: fc.oneof(
    fc.record({ inputs: texts, fast, minThemes: number, maxThemes: number, prune: number, initialSets: number, interactive: fc.boolean() }, { requiredKeys: [] }),
    fc.record({ inputs: words(2, 6), fast: fc.boolean(), minThemes: fc.integer({ min: 1, max: 4 }), maxThemes: fc.integer({ min: 1, max: 6 }), prune: fc.integer({ min: 0, max: 25 }) }, { requiredKeys: ['inputs'] }),
  ),
  clusterTexts: fc.oneof(
    fc.record({ inputs: texts, fast, k: number, algorithm: fc.oneof(fc.constantFrom('kmeans', 'skmeans', 'agglomerative', 'hdbscan'), fc.string()) }, { requiredKeys: [] }),
    fc.record({ inputs: words(2, 6), fast: fc.boolean(), k: fc.integer({ min: 1, max: 3 }), algorithm: fc.constantFrom('kmeans', 'skmeans', 'agglomerative', 'hdbscan') }),
  ),
  extractElements: fc.oneof(
    fc.record({ inputs: texts, dictionary: texts, fast, type: fc.oneof(fc.constantFrom('named-entities', 'themes'), fc.string()), expandDictionary: fc.boolean() }, { requiredKeys: [] }),
    fc.record({ inputs: words(1, 4), dictionary: words(3, 5), fast: fc.boolean(), type: fc.constantFrom('named-entities', 'themes'), expandDictionary: fc.boolean() }, { requiredKeys: ['inputs', 'dictionary'] }),
  ),
  generateSummary: fc.record({ inputs: texts, question: fc.oneof(fc.string({ maxLength: 10 }), fc.integer()), fast, length: fc.oneof(fc.constantFrom('short', 'long'), fc.string()) }, { requiredKeys: [] }),
  generateDataDictionary: fc.record({ data: fc.oneof(fc.array(fc.array(fc.string({ maxLength: 4 }), { minLength: 1, maxLength: 3 }), { maxLength: 4 }), fc.anything()), fast: fc.constantFrom(false, true, undefined) }, { requiredKeys: [] }),
};

describe('fuzzing requests against the spec-validating emulator', () => {
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

  it.each(Object.entries(requests))('%s: a result or a PulseValidationError; the server never disagrees', async (method, arbitrary) => {
    let sent = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(arbitrary, fc.tuple(arbitrary, polluting).map(([r, p]) => (r && typeof r === 'object' ? Object.assign(Object.create(null), r, p) : r)), fc.anything()), async (request) => {
        const before = emulator.journal().filter((e) => e.path.startsWith('/v1/') && e.method === 'POST').length;
        const call = (client as unknown as Record<string, (r: unknown) => Observable<unknown>>)[method]!.bind(client);
        let outcome: unknown;
        try {
          outcome = await firstValueFrom(call(request)).then((value) => ({ value }), (error: unknown) => ({ error }));
        } catch (thrown) {
          throw new Error(`${method} threw synchronously: ${String(thrown)}`);
        }
        const posts = emulator.journal().filter((e) => e.path.startsWith('/v1/') && e.method === 'POST').slice(before);
        if ('error' in (outcome as object)) {
          const error = (outcome as { error: unknown }).error;
          expect(error).toBeInstanceOf(PulseValidationError);
          expect(posts).toEqual([]); // refused before any request
          refused++;
        } else {
          sent++;
          expect(posts.length).toBeGreaterThan(0);
          expect(posts.every((p) => p.status === 200 || p.status === 202)).toBe(true);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 150, seed: 20261126 },
    );
    // Both sides of the property were exercised.
    expect(sent).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});
