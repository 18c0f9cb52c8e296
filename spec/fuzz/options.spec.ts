import fc from 'fast-check';
import { asyncScheduler, firstValueFrom, from, lastValueFrom, toArray, type Observable, type OperatorFunction } from 'rxjs';
import {
  allocateThemes,
  analyzeSentiment,
  ClientCredentialsAuth,
  createEmbeddings,
  gatherJobs,
  PulseClient,
  PulseValidationError,
  sentimentAnalysis,
  StaticTokenAuth,
} from 'pulse-rx';
import { fakeServer, type FakeServer } from '../hostile/fakeServer';

/**
 * Fuzzing every options object (client constructor, CallOptions, poll and retry policies,
 * operator configs, starter options, auth options) with arbitrary values: either the call
 * works, or it fails with a PulseValidationError naming an option path, having sent
 * nothing. Never another throw, never a request for invalid options. Valid values are drawn
 * from ranges that cannot time out by themselves (a 1 ms timeout failing is not a bug).
 */
const junk = fc.oneof(
  fc.anything(),
  fc.constantFrom(Number.NaN, -1, 0, -0.5, Number.NEGATIVE_INFINITY, 1e308, '10', 'verbose', null, true, {}, [], () => 1),
);
const mixed = <T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ arbitrary: valid, weight: 3 }, { arbitrary: junk, weight: 2 });

type Opt = <T>(valid: fc.Arbitrary<T>) => fc.Arbitrary<unknown>;

/** The option arbitraries; `opt` decides whether a field may also be junk. */
function arbitraries(opt: Opt) {
  const mix = opt === good ? <T>(a: fc.Arbitrary<T>): fc.Arbitrary<unknown> => a : mixed;
  const poll = fc.record(
    {
      minIntervalMs: opt(fc.integer({ min: 1, max: 20 })),
      maxIntervalMs: opt(fc.integer({ min: 1, max: 40 })),
      multiplier: opt(fc.double({ min: 1, max: 3, noNaN: true })),
      jitter: opt(fc.double({ min: 0, max: 1, noNaN: true })),
      maxWaitMs: opt(fc.oneof(fc.integer({ min: 60_000, max: 1e9 }), fc.constant(Number.POSITIVE_INFINITY))),
    },
    { requiredKeys: [] },
  );
  const retry = fc.record(
    {
      maxRetries: opt(fc.integer({ min: 0, max: 10 })),
      initialDelayMs: opt(fc.integer({ min: 0, max: 20 })),
      maxDelayMs: opt(fc.integer({ min: 0, max: 40 })),
      jitter: opt(fc.double({ min: 0, max: 1, noNaN: true })),
      maxRetryAfterMs: opt(fc.integer({ min: 0, max: 60_000 })),
    },
    { requiredKeys: [] },
  );
  const timeoutMs = opt(fc.oneof(fc.integer({ min: 10_000, max: 1e9 }), fc.constant(Number.POSITIVE_INFINITY)));
  const positiveInt = opt(fc.integer({ min: 1, max: 64 }));
  const fast = opt(fc.constantFrom(true, 'auto' as const));

  const clientOptions = fc.record(
    {
      timeoutMs,
      maxRetries: opt(fc.integer({ min: 0, max: 10 })),
      retry: mix(retry),
      poll: mix(poll),
      resubmitFailedJobs: opt(fc.integer({ min: 0, max: 5 })),
      concurrency: positiveInt,
      maxInFlight: positiveInt,
      requestsPerSecond: opt(fc.integer({ min: 50, max: 1000 })),
      logLevel: opt(fc.constantFrom('debug', 'info', 'warn', 'error', 'off')),
      logger: opt(fc.constant({ debug: () => {}, info: () => {}, warn: () => {}, error: () => {} })),
      scheduler: opt(fc.constant(asyncScheduler)),
      maxTextLength: positiveInt,
      allowInsecureHttp: opt(fc.boolean()),
      random: opt(fc.constant(() => 0.5)),
    },
    { requiredKeys: [] },
  );
  const callOptions = fc.record(
    {
      awaitJobResult: opt(fc.constant(true)),
      observe: opt(fc.constantFrom('body', 'events')),
      signal: opt(fc.constant(new AbortController().signal)),
      timeoutMs,
      idempotencyKey: opt(fc.stringMatching(/^[A-Za-z0-9-]{1,40}$/)),
      poll: mix(poll),
      concurrency: positiveInt,
      settle: opt(fc.constant(false)),
    },
    { requiredKeys: [] },
  );
  const operatorConfig = fc.record(
    {
      batchSize: positiveInt,
      concurrency: positiveInt,
      maxWaitMs: opt(fc.integer({ min: 1, max: 50 })),
      total: opt(fc.integer({ min: 0, max: 10 })),
      maxTextLength: positiveInt,
      fast,
    },
    { requiredKeys: [] },
  );
  const starterOptions = fc.record({ fast, timeoutMs, concurrency: positiveInt, signal: opt(fc.constant(new AbortController().signal)) }, { requiredKeys: [] });

  return { poll, retry, timeoutMs, positiveInt, clientOptions, callOptions, operatorConfig, starterOptions, mix, opt };
}

const good: Opt = (valid) => fc.option(valid, { nil: undefined });
const bad: Opt = (valid) => fc.option(mixed(valid), { nil: undefined });
/** Mostly valid objects, or objects with junk in them (or junk instead of the object). */
const both = (pick: (a: ReturnType<typeof arbitraries>) => fc.Arbitrary<unknown>) =>
  fc.oneof(pick(arbitraries(good)), pick(arbitraries(bad)), junk);
const { timeoutMs, positiveInt } = arbitraries(bad);
const mix = mixed;
const opt = bad;

describe('fuzzing option objects: a result or a PulseValidationError naming an option, nothing sent when refused', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await fakeServer((req) => {
      if (req.path === '/oauth/token') return { status: 200, body: { access_token: 'tok-fuzz-123456', expires_in: 3600 } };
      if (req.path.startsWith('/v1/sentiment') && !req.body.includes('"fast":true')) return { status: 202, body: { job_id: 'j' } };
      if (req.path.startsWith('/v1/jobs')) return { status: 200, body: { status: 'completed', result_url: `${server.url}/files/r` } };
      if (req.path.startsWith('/v1/embeddings')) return { status: 200, body: { embeddings: [{ text: 'a', vector: [1, 0] }], requestId: 'r' } };
      if (req.path.startsWith('/v1/similarity')) {
        return { status: 200, body: { scenario: 'cross', mode: 'matrix', n: 1, matrix: [[0.9]], requestId: 'r' } };
      }
      return { status: 200, body: { results: [{ sentiment: 'positive', confidence: 0.9 }], requestId: 'r' } };
    });
  });
  afterAll(() => server.close());

  const baseUrl = () => `${server.url}/v1`;
  const goodClient = () => new PulseClient({ baseUrl: baseUrl(), auth: new StaticTokenAuth('tok-123456'), maxRetries: 0 });
  /** Expects `run` to work or to fail with a PulseValidationError naming an option, sending nothing then. */
  async function property(run: () => Promise<unknown>, counts: { ok: number; refused: number }): Promise<void> {
    const before = server.seen.length;
    let outcome: { error: unknown } | { value: unknown };
    try {
      outcome = { value: await run() };
    } catch (error) {
      outcome = { error };
    }
    if ('error' in outcome) {
      const e = outcome.error as PulseValidationError;
      if (!(e instanceof PulseValidationError)) throw e;
      // An unknown key is named as it was written (`{ ...[x] }` gives a key "0"); a known option by its path.
      if (!/: unknown option/.test(e.message)) expect(e.field).toMatch(/^[A-Za-z]/);
      expect(server.seen.length).toBe(before);
      counts.refused++;
    } else {
      counts.ok++;
    }
  }
  const settings = { numRuns: 60, seed: 20261202 };

  it('the client constructor (then a call with it)', async () => {
    const counts = { ok: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(both((a) => a.clientOptions), async (options) => {
        await property(async () => {
          const client = new PulseClient({ ...(options as object), baseUrl: baseUrl(), auth: new StaticTokenAuth('tok-123456') });
          return firstValueFrom(client.analyzeSentiment({ inputs: ['a'], fast: true }));
        }, counts);
      }),
      settings,
    );
    expect(counts.ok).toBeGreaterThan(0);
    expect(counts.refused).toBeGreaterThan(0);
  });

  it('CallOptions (poll policy included), on sync and job calls', async () => {
    const counts = { ok: 0, refused: 0 };
    const client = new PulseClient({ baseUrl: baseUrl(), auth: new StaticTokenAuth('tok-123456'), maxRetries: 0, poll: { minIntervalMs: 1, maxIntervalMs: 5 } });
    await fc.assert(
      fc.asyncProperty(both((a) => a.callOptions), fc.boolean(), async (options, sync) => {
        await property(() => lastValueFrom(client.analyzeSentiment({ inputs: ['a'], fast: sync }, options as never) as Observable<unknown>), counts);
      }),
      settings,
    );
    expect(counts.ok).toBeGreaterThan(0);
    expect(counts.refused).toBeGreaterThan(0);
  });

  it('SimpleCallOptions (credits)', async () => {
    const counts = { ok: 0, refused: 0 };
    const client = goodClient();
    const simple = fc.record({ timeoutMs, signal: opt(fc.constant(new AbortController().signal)) }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(mix(simple), async (options) => {
        await property(() => firstValueFrom(client.getOrganizationCredits({ orgId: 'o' }, options as never)).catch(rethrowValidation), counts);
      }),
      settings,
    );
    expect(counts.refused).toBeGreaterThan(0);
  });

  it.each<[string, (c: PulseClient, o: object) => OperatorFunction<string, unknown>]>([
    ['analyzeSentiment', (c, o) => analyzeSentiment(c, o)],
    ['createEmbeddings', (c, o) => createEmbeddings(c, o)],
    ['allocateThemes', (c, o) => allocateThemes(c, { themes: ['Staff'], ...o })],
  ])('the %s operator config', async (_name, operator) => {
    const counts = { ok: 0, refused: 0 };
    const client = goodClient();
    await fc.assert(
      fc.asyncProperty(both((a) => a.operatorConfig), async (config) => {
        await property(async () => lastValueFrom(from(['a']).pipe(operator(client, config as object), toArray())), counts);
      }),
      settings,
    );
    expect(counts.ok).toBeGreaterThan(0);
    expect(counts.refused).toBeGreaterThan(0);
  });

  it('starter options', async () => {
    const counts = { ok: 0, refused: 0 };
    const client = goodClient();
    await fc.assert(
      fc.asyncProperty(both((a) => a.starterOptions), async (options) => {
        const o = options && typeof options === 'object' && !Array.isArray(options) ? { ...options, client } : options;
        await property(() => firstValueFrom(sentimentAnalysis(['a'], o as never)), counts);
      }),
      settings,
    );
    expect(counts.ok).toBeGreaterThan(0);
    expect(counts.refused).toBeGreaterThan(0);
  });

  it('gatherJobs config and ClientCredentialsAuth options', async () => {
    const counts = { ok: 0, refused: 0 };
    const client = goodClient();
    const gather = fc.record({ concurrency: positiveInt, timeoutMs, scheduler: opt(fc.constant(asyncScheduler)) }, { requiredKeys: [] });
    const auth = fc.record(
      {
        bodyFormat: opt(fc.constantFrom('form', 'json')),
        refreshSkewMs: opt(fc.integer({ min: 0, max: 60_000 })),
        tokenTimeoutMs: opt(fc.integer({ min: 10_000, max: 1e7 })),
        scope: opt(fc.string({ maxLength: 5 })),
        audience: opt(fc.string({ minLength: 1, maxLength: 5 })),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(mix(gather), mix(auth), async (config, authOptions) => {
        const job = client.jobs.resume({ id: 'j', kind: 'sentiment' });
        await property(() => lastValueFrom(gatherJobs([job], config as never).pipe(toArray())), counts);
        await property(async () => {
          const a = new ClientCredentialsAuth({ ...(authOptions as object), clientId: 'c', clientSecret: 'secret-123456', tokenUrl: `${server.url}/oauth/token` });
          return firstValueFrom(new PulseClient({ baseUrl: baseUrl(), auth: a }).analyzeSentiment({ inputs: ['a'], fast: true }));
        }, counts);
      }),
      settings,
    );
    expect(counts.ok).toBeGreaterThan(0);
    expect(counts.refused).toBeGreaterThan(0);
  });
});

/** Keeps a validation error, turns any other failure into a pass: only the options are under test here. */
function rethrowValidation(e: unknown): undefined {
  if (e instanceof PulseValidationError) throw e;
  return undefined;
}
