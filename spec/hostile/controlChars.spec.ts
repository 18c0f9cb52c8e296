import { firstValueFrom, of } from 'rxjs';
import { ClientCredentialsAuth, PulseClient, PulseValidationError, StaticTokenAuth } from 'pulse-rx';
import { failure } from '../helpers/failure';
import { fakeServer, sentimentReply, tokenReply, type FakeServer, type Reply } from './fakeServer';

/**
 * Issue 13 item 10: inherited properties never reach a request, CR/LF never reach a header,
 * dot segments never reach a path, and a bad token answer is named for what it is.
 */
describe('inherited properties, control characters and dot segments', () => {
  let api: FakeServer;
  let tokenAnswer: Reply = tokenReply('tok-good-123456');
  beforeAll(async () => {
    api = await fakeServer((req) => {
      if (req.path === '/oauth/token') return tokenAnswer;
      if (req.path.startsWith('/v1/sentiment')) {
        return req.body.includes('"fast":true') ? sentimentReply() : { status: 202, body: { job_id: 'j' } };
      }
      return { status: 200, body: { organizationId: 'o', credits: 1 } };
    });
  });
  afterAll(() => api.close());
  beforeEach(() => (api.seen.length = 0));

  const client = () => new PulseClient({ baseUrl: `${api.url}/v1`, auth: new StaticTokenAuth('tok-123456'), maxRetries: 0 });

  it('a polluted Object.prototype (version, fast) never reaches the body nor picks the mode', async () => {
    const proto = Object.prototype as Record<string, unknown>;
    const c = client();
    proto.version = 'evil-version';
    proto.fast = true;
    try {
      await firstValueFrom(c.analyzeSentiment({ inputs: ['x'] }, { awaitJobResult: false }));
    } finally {
      delete proto.version;
      delete proto.fast;
    }
    expect(api.seen).toHaveLength(1);
    expect(JSON.parse(api.seen[0]!.body)).toEqual({ inputs: ['x'] });
  });

  it('a polluted Object.prototype never becomes an option', async () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.timeoutMs = Number.NaN;
    proto.poll = { maxWaitMs: Number.NaN };
    try {
      const c = client();
      await expect(firstValueFrom(c.analyzeSentiment({ inputs: ['x'], fast: true }, {}))).resolves.toMatchObject({ requestId: 'r' });
    } finally {
      delete proto.timeoutMs;
      delete proto.poll;
    }
  });

  it.each(['key\r\nX-Injected: 1', 'key\n', ' key', 'k\u00e9y', ''])('idempotencyKey %j is refused, nothing sent', async (idempotencyKey) => {
    const e = await failure<PulseValidationError>(firstValueFrom(client().analyzeSentiment({ inputs: ['x'], fast: true }, { idempotencyKey })));
    expect(e).toMatchObject({ name: 'PulseValidationError', field: 'options.idempotencyKey' });
    expect(api.seen).toEqual([]);
  });

  it('a static token with CR/LF is refused', () => {
    expect(() => new StaticTokenAuth('tok\r\nX-Injected: 1')).toThrow(expect.objectContaining({ name: 'PulseValidationError', field: 'token' }));
    expect(() => PulseClient.withToken('a b')).toThrow(expect.objectContaining({ field: 'token' }));
  });

  it('a custom auth provider giving a token with CR/LF: AuthenticationError, nothing sent', async () => {
    const auth = { token: () => of('tok\r\nX-Injected: 1'), invalidate: () => undefined };
    const c = new PulseClient({ baseUrl: `${api.url}/v1`, auth, maxRetries: 0 });
    const e = await failure<Error>(firstValueFrom(c.analyzeSentiment({ inputs: ['x'], fast: true })));
    expect(e.name).toBe('AuthenticationError');
    expect(api.seen).toEqual([]);
  });

  const ccClient = () =>
    new PulseClient({
      baseUrl: `${api.url}/v1`,
      auth: new ClientCredentialsAuth({ clientId: 'c', clientSecret: 'secret-123456', tokenUrl: `${api.url}/oauth/token` }),
      maxRetries: 0,
    });

  it('a token endpoint answering a token with CR/LF: refused, the API never called', async () => {
    tokenAnswer = tokenReply('tok\r\nX-Injected: 1');
    const e = await failure<Error>(firstValueFrom(ccClient().analyzeSentiment({ inputs: ['x'], fast: true })));
    expect(e.name).toBe('ResponseValidationError');
    expect(e.message).toContain('access_token');
    expect(api.seen.map((s) => s.path)).toEqual(['/oauth/token']);
  });

  it('expires_in: 0 is named for what it is, not "answered without an access_token"', async () => {
    tokenAnswer = tokenReply('tok-good-123456', { expires_in: 0 });
    const e = await failure<Error>(firstValueFrom(ccClient().analyzeSentiment({ inputs: ['x'], fast: true })));
    expect(e.message).toContain('expires_in');
    expect(e.message).not.toContain('without an access_token');
  });

  it.each(['.', '..'])('orgId %j is refused, nothing sent', async (orgId) => {
    const e = await failure<PulseValidationError>(firstValueFrom(client().getOrganizationCredits({ orgId })));
    expect(e).toMatchObject({ name: 'PulseValidationError', field: 'orgId' });
    expect(api.seen).toEqual([]);
  });

  it('an orgId with slashes and dots inside stays one encoded segment', async () => {
    await firstValueFrom(client().getOrganizationCredits({ orgId: '../x' })).catch(() => undefined);
    expect(api.seen.map((s) => s.path)).toEqual(['/v1/credits/organizations/..%2Fx']);
  });
});
