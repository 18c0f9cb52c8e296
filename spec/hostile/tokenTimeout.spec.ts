import { firstValueFrom } from 'rxjs';
import { ClientCredentialsAuth, PulseClient, PulseTimeoutError } from 'pulse-rx';
import { until } from '../helpers/recordingServer';
import { failure } from '../helpers/failure';
import { fakeServer, sentimentReply, type FakeServer } from './fakeServer';

/**
 * Issue 13 item 11: with a token endpoint that never answers, a call's `timeoutMs` covers
 * the wait for the token, and the token request has a deadline of its own. Short real
 * timers; the bound is the test's generous jest timeout, never a wall-clock assertion
 * (before the fix the first case took 181 s).
 */
describe('a hanging token endpoint', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await fakeServer((req) => (req.path === '/oauth/token' ? 'hang' : sentimentReply()));
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.seen.length = 0;
    server.aborted.length = 0;
  });

  const client = (auth: Partial<ConstructorParameters<typeof ClientCredentialsAuth>[0]> = {}, timeoutMs?: number) =>
    new PulseClient({
      baseUrl: `${server.url}/v1`,
      auth: new ClientCredentialsAuth({ clientId: 'c', clientSecret: 'secret-123456', tokenUrl: `${server.url}/oauth/token`, ...auth }),
      maxRetries: 0,
      timeoutMs,
    });

  it("a call's timeoutMs covers the wait for its token; the token request is aborted", async () => {
    const e = await failure(firstValueFrom(client().analyzeSentiment({ inputs: ['x'], fast: true }, { timeoutMs: 200 })));
    expect(e).toBeInstanceOf(PulseTimeoutError);
    await until(() => server.aborted.includes('/oauth/token'));
    expect(server.seen.map((s) => s.path)).toEqual(['/oauth/token']);
  }, 20_000);

  it('the token request has its own deadline (tokenTimeoutMs) even when the client has none', async () => {
    const c = client({ tokenTimeoutMs: 200 }, Number.POSITIVE_INFINITY);
    const e = await failure(firstValueFrom(c.analyzeSentiment({ inputs: ['x'], fast: true })));
    expect(e).toBeInstanceOf(PulseTimeoutError);
    expect((e as PulseTimeoutError).timeoutMs).toBe(200);
  }, 20_000);

  it('by default the token request takes the client timeout', async () => {
    const e = await failure(firstValueFrom(client({}, 200).analyzeSentiment({ inputs: ['x'], fast: true })));
    expect(e).toBeInstanceOf(PulseTimeoutError);
  }, 20_000);
});
