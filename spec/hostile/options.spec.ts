import { firstValueFrom, from, of, type Observable } from 'rxjs';
import { analyzeSentiment, PulseClient, PulseValidationError, StaticTokenAuth, type PulseClientOptions } from 'pulse-rx';
import { failure } from '../helpers/failure';
import { fakeServer, sentimentReply, type FakeServer } from './fakeServer';

/**
 * Issue 13 item 8: every option of every public function is checked by its rule; a bad
 * value is a PulseValidationError naming the option path, and nothing is sent.
 */
describe('option objects are validated before anything is sent', () => {
  let api: FakeServer;
  beforeAll(async () => {
    api = await fakeServer((req) =>
      req.path.startsWith('/v1/sentiment') && !req.body.includes('"fast":true') ? { status: 202, body: { job_id: 'j' } } : sentimentReply(),
    );
  });
  afterAll(() => api.close());
  beforeEach(() => (api.seen.length = 0));

  const client = (extra: PulseClientOptions = {}) =>
    new PulseClient({ baseUrl: `${api.url}/v1`, auth: new StaticTokenAuth('tok-123456'), maxRetries: 0, ...extra });

  it.each<[string, PulseClientOptions]>([
    ['poll.maxWaitMs', { poll: { maxWaitMs: Number.NaN } }],
    ['poll.minIntervalMs', { poll: { minIntervalMs: -5 } }],
    ['poll.maxIntervalMs', { poll: { maxIntervalMs: -1 } }],
    ['poll.multiplier', { poll: { multiplier: Number.NaN } }],
    ['retry.maxRetryAfterMs', { retry: { maxRetryAfterMs: Number.NaN } }],
    ['retry.initialDelayMs', { retry: { initialDelayMs: Number.NaN } }],
    ['retry.maxDelayMs', { retry: { maxDelayMs: -1 } }],
    ['retry.jitter', { retry: { jitter: 5 } }],
    ['logLevel', { logLevel: 'verbose' as never }],
    ['timeoutMs', { timeoutMs: Number.NaN }],
    ['maxInFlight', { maxInFlight: 0 }],
    ['scheduler', { scheduler: {} as never }],
    ['logger', { logger: 'console' as never }],
    ['random', { random: 0.5 as never }],
  ])('constructor: %s', (field, options) => {
    expect(() => client(options)).toThrow(expect.objectContaining({ name: 'PulseValidationError', field }));
  });

  const calls: Array<[string, (c: PulseClient) => Observable<unknown>]> = [
    ['options.poll.maxWaitMs', (c) => c.analyzeSentiment({ inputs: ['x'] }, { poll: { maxWaitMs: Number.NaN } })],
    ['options.poll.minIntervalMs', (c) => c.analyzeSentiment({ inputs: ['x'] }, { poll: { minIntervalMs: -100, maxIntervalMs: -1 } })],
    ['options.poll.minIntervalMs', (c) => c.analyzeSentiment({ inputs: ['x'] }, { poll: { minIntervalMs: 9000 } })],
    ['options.timeoutMs', (c) => c.getHealth({ timeoutMs: Number.NaN })],
    ['options.timeoutMs', (c) => c.getHealth({ timeoutMs: -1 })],
    ['options.timeoutMs', (c) => c.estimateUsage({ feature: 'sentiment', inputs: ['x'] }, { timeoutMs: Number.NaN })],
    ['options.timeoutMs', (c) => c.getOrganizationCredits({ orgId: 'o' }, { timeoutMs: -5 })],
    ['options.concurrency', (c) => c.analyzeSentiment({ inputs: ['x'] }, { concurrency: 0 })],
    ['options.poll.maxWaitMs', (c) => c.jobs.poll('j', 'sentiment', { poll: { maxWaitMs: 0 } })],
  ];
  it.each(calls)('call: %s', async (field, call) => {
    const e = await failure<PulseValidationError>(firstValueFrom(call(client())));
    expect(e).toBeInstanceOf(PulseValidationError);
    expect(e.field).toBe(field);
    expect(api.seen).toEqual([]);
  });

  it.each([0, -1, Number.NaN])('operator maxWaitMs %s: PulseValidationError, no timer loop', (maxWaitMs) => {
    expect(() => from(['a']).pipe(analyzeSentiment(client(), { maxWaitMs }))).toThrow(
      expect.objectContaining({ name: 'PulseValidationError', field: 'maxWaitMs' }),
    );
  });

  it('Job.wait checks its timeout', async () => {
    const job = client().jobs.resume({ id: 'j', kind: 'sentiment' });
    await expect(job.wait({ timeoutMs: Number.NaN })).rejects.toMatchObject({ name: 'PulseValidationError', field: 'timeoutMs' });
    expect(api.seen).toEqual([]);
  });

  it('valid options still work', async () => {
    const c = client({ poll: { minIntervalMs: 1, maxIntervalMs: 5, maxWaitMs: Number.POSITIVE_INFINITY }, retry: { jitter: 0 } });
    await expect(firstValueFrom(c.analyzeSentiment({ inputs: ['x'] }, { awaitJobResult: false, poll: { jitter: 0 } }))).resolves.toMatchObject({ id: 'j' });
    await expect(firstValueFrom(of('a').pipe(analyzeSentiment(c, { maxWaitMs: 5, fast: true })))).resolves.toMatchObject({ index: 0 });
  });
});
