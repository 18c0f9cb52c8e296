import { from, isObservable, lastValueFrom } from 'rxjs';
import {
  adaptive,
  allocateThemes,
  Analyzer,
  analyzeSentiment,
  ClientCredentialsAuth,
  gatherJobs,
  MemoryRunStore,
  PulseClient,
  PulseValidationError,
  SentimentProcess,
  sentimentAnalysis,
  Workflow,
} from 'pulse-rx';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { readTexts } from 'pulse-rx/node';
import { closestKey } from '../../src/schemas/optionsObject';

/**
 * Misspelt option keys, at the top level and nested, in every kind of option object: each
 * fails with a PulseValidationError naming the key's path and, when a known name is close,
 * suggesting it; nothing reaches the emulator (its journal stays empty).
 */
const texts = ['the room was clean', 'the queue was long'];
type Act = (ctx: { emulator: Emulator; client: PulseClient }) => unknown;
const loose = (o: object) => o as never;

const cases: Array<[string, Act, string, string | undefined]> = [
  ['client: a top-level typo', ({ emulator }) => new PulseClient(loose({ baseUrl: emulator.url, maxRetires: 3 })), 'maxRetires', 'maxRetries'],
  ['client: another case', ({ emulator }) => new PulseClient(loose({ baseURL: emulator.url })), 'baseURL', 'baseUrl'],
  ['client: nested poll', ({ emulator }) => new PulseClient(loose({ baseUrl: emulator.url, poll: { maxWaitMS: 1000 } })), 'poll.maxWaitMS', 'maxWaitMs'],
  ['client: nested retry', ({ emulator }) => new PulseClient(loose({ baseUrl: emulator.url, retry: { jiter: 0.1 } })), 'retry.jiter', 'jitter'],
  ['client: nothing close', ({ emulator }) => new PulseClient(loose({ baseUrl: emulator.url, colour: 'red' })), 'colour', undefined],
  [
    'withClientCredentials: an auth option',
    ({ emulator }) =>
      PulseClient.withClientCredentials(
        loose({ baseUrl: emulator.url, tokenUrl: emulator.tokenUrl, clientId: emulator.clientId, clientSecret: emulator.clientSecret, audiance: 'a' }),
      ),
    'audiance',
    'audience',
  ],
  ['withToken: a client option', ({ emulator }) => PulseClient.withToken('tok-123456', loose({ baseUrl: emulator.url, timeout: 5000 })), 'timeout', 'timeoutMs'],
  ['ClientCredentialsAuth', () => new ClientCredentialsAuth(loose({ clientId: 'id', clientSecret: 'secret', refreshSkew: 10 })), 'refreshSkew', 'refreshSkewMs'],
  ['call options', ({ client }) => client.analyzeSentiment({ inputs: texts }, loose({ awaitJobResults: false })), 'options.awaitJobResults', 'awaitJobResult'],
  ['call options: nested poll', ({ client }) => client.analyzeSentiment({ inputs: texts }, loose({ poll: { maxWaitMS: 1 } })), 'options.poll.maxWaitMS', 'maxWaitMs'],
  [
    'call options: a budget missing its required key because of the typo',
    ({ client }) => client.analyzeSentiment({ inputs: texts }, loose({ budget: { maxCredit: 5 } })),
    'options.budget.maxCredit',
    'maxCredits',
  ],
  [
    'call options: run',
    ({ client }) => client.analyzeSentiment({ inputs: texts }, loose({ run: { store: new MemoryRunStore(), id: 'r', ttl: 60 } })),
    'options.run.ttl',
    undefined,
  ],
  ['an adaptive poll strategy', () => adaptive(loose({ memroy: 8 })), 'poll.strategy.memroy', 'memory'],
  ['simple call options', ({ client }) => client.getHealth(loose({ timeOutMs: 5000 })), 'options.timeOutMs', 'timeoutMs'],
  ['poll options', ({ client }) => client.jobs.poll('job-1', 'sentiment', loose({ pol: {} })), 'options.pol', 'poll'],
  ['Job.wait', ({ client }) => client.jobs.resume({ id: 'job-1', kind: 'sentiment' }).wait(loose({ timeout: 10 })), 'timeout', 'timeoutMs'],
  ['an operator config', ({ client }) => from(texts).pipe(analyzeSentiment(client, loose({ batchsize: 10 }))), 'batchsize', 'batchSize'],
  ['an operator config with a required key', ({ client }) => from(texts).pipe(allocateThemes(client, loose({ theme: ['Staff'] }))), 'theme', 'themes'],
  ['gatherJobs', () => gatherJobs([], loose({ concurency: 2 })), 'config.concurency', 'concurrency'],
  ['a starter', ({ client }) => sentimentAnalysis(texts, loose({ client, timeoutMS: 5000 })), 'options.timeoutMS', 'timeoutMs'],
  ['a starter: another analysis option', ({ client }) => sentimentAnalysis(texts, loose({ client, minThemes: 2 })), 'options.minThemes', undefined],
  [
    'an Analyzer',
    ({ client }) => new Analyzer(loose({ dataset: texts, processes: [new SentimentProcess()], client, budgte: { maxCredits: 1 } })),
    'budgte',
    'budget',
  ],
  [
    'an Analyzer run',
    ({ client }) => new Analyzer({ dataset: texts, processes: [new SentimentProcess()], client }).run(loose({ onEvents: () => undefined })),
    'onEvents',
    'onEvent',
  ],
  ['a file reader', () => readTexts('reviews.csv', loose({ colum: 'comment' })), 'colum', 'column'],
  ['a Workflow run', ({ client }) => new Workflow().source('r', texts).sentiment().run(loose({ client, concurency: 2 })), 'options.concurency', 'concurrency'],
];

describe('misspelt option keys fail before any request, naming the path and the closest name', () => {
  let emulator: Emulator;
  let client: PulseClient;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, requireAuth: false });
    client = new PulseClient({ baseUrl: emulator.url });
  });
  afterAll(async () => {
    client.close();
    await emulator.close();
  });

  it.each(cases)('%s', async (_, act, field, suggestion) => {
    let error: unknown;
    try {
      const value = act({ emulator, client });
      if (isObservable(value)) await lastValueFrom(value);
      else await value;
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PulseValidationError);
    const e = error as PulseValidationError;
    expect(e.field).toBe(field);
    expect(e.message).toBe(`${field}: ${suggestion === undefined ? 'unknown option' : `unknown option; did you mean ${suggestion}?`}`);
    expect(emulator.journal()).toHaveLength(0);
  });

  it('the same objects with the right names are accepted', async () => {
    const result = await lastValueFrom(client.analyzeSentiment({ inputs: texts, fast: true }, { poll: { maxWaitMs: 60_000 }, timeoutMs: 30_000 }));
    expect(result.results).toHaveLength(2);
    expect(emulator.journal().length).toBeGreaterThan(0);
  });
});

describe('closestKey', () => {
  const known = ['maxRetries', 'timeoutMs', 'poll', 'k', 'baseUrl'];
  it.each([
    ['maxRetires', 'maxRetries'],
    ['MAXRETRIES', 'maxRetries'],
    ['timeout', 'timeoutMs'],
    ['pol', 'poll'],
    ['K', 'k'],
    ['x', undefined],
    ['retries', undefined],
    ['colour', undefined],
  ])('%s -> %s', (key, expected) => {
    expect(closestKey(key, known)).toBe(expected);
  });
});
