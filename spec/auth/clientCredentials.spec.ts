import nock from 'nock';
import { firstValueFrom, merge, toArray } from 'rxjs';
import { AuthenticationError, ClientCredentialsAuth, PulseClient, PulseValidationError } from 'pulse-rx';
import { failure } from '../helpers/failure';
import { ScaledScheduler } from '../helpers/ScaledScheduler';
import { api, BASE, FILES, resetNock } from '../helpers/testClient';

const AUTH = 'https://auth.pulse.test';
const ok = { results: [{ sentiment: 'positive', confidence: 0.9 }], requestId: 'r' };
const SECRET = 'super-secret-value';

function ccClient(extra: Partial<ConstructorParameters<typeof ClientCredentialsAuth>[0]> = {}) {
  const scheduler = new ScaledScheduler(1000);
  const auth = new ClientCredentialsAuth({ clientId: 'cid', clientSecret: SECRET, tokenUrl: `${AUTH}/oauth/token`, ...extra });
  const client = new PulseClient({ baseUrl: BASE, auth, scheduler, timeoutMs: 10_000_000, random: () => 0, poll: { minIntervalMs: 500, jitter: 0 } });
  return { client, scheduler };
}

// The client's clock runs 1000x: a day-long token would expire after 86 ms of wall time.
const tokenReply = (token: string, expiresIn = 1e9) => ({ access_token: token, expires_in: expiresIn, token_type: 'Bearer' });
const sentiment = (client: PulseClient) => client.analyzeSentiment({ inputs: ['x'], fast: true });

describe('ClientCredentialsAuth', () => {
  beforeEach(resetNock);

  it('10 concurrent cold calls share ONE token request', async () => {
    const token = nock(AUTH, { badheaders: ['authorization'] }).post('/oauth/token').delay(30).reply(200, tokenReply('tok-A'));
    api().post('/v1/sentiment').times(10).matchHeader('authorization', 'Bearer tok-A').reply(200, ok);
    const { client } = ccClient();
    const results = await firstValueFrom(merge(...Array.from({ length: 10 }, () => sentiment(client))).pipe(toArray()));
    expect(results).toHaveLength(10);
    expect(token.isDone()).toBe(true);
  });

  it('sends the grant as a form with audience, and never a bearer to the token host', async () => {
    let body = '';
    nock(AUTH, { badheaders: ['authorization'] })
      .post('/oauth/token', (b: string | Record<string, string>) => {
        body = typeof b === 'string' ? b : new URLSearchParams(b).toString();
        return true;
      })
      .matchHeader('content-type', 'application/x-www-form-urlencoded')
      .reply(200, tokenReply('tok-A'));
    api().post('/v1/sentiment').reply(200, ok);
    await firstValueFrom(sentiment(ccClient().client));
    expect(Object.fromEntries(new URLSearchParams(body))).toEqual({
      grant_type: 'client_credentials',
      client_id: 'cid',
      client_secret: SECRET,
      audience: 'https://core.researchwiseai.com/pulse/v1',
    });
  });

  it('can send the grant as JSON', async () => {
    nock(AUTH)
      .post('/oauth/token', { grant_type: 'client_credentials', client_id: 'cid', client_secret: SECRET, audience: 'aud' })
      .reply(200, tokenReply('tok-J'));
    api().post('/v1/sentiment').matchHeader('authorization', 'Bearer tok-J').reply(200, ok);
    await expect(firstValueFrom(sentiment(ccClient({ bodyFormat: 'json', audience: 'aud' }).client))).resolves.toEqual(ok);
  });

  it('caches the token until expires_in minus the skew, then fetches a new one', async () => {
    const token = nock(AUTH).post('/oauth/token').reply(200, tokenReply('tok-A', 300)).post('/oauth/token').reply(200, tokenReply('tok-B', 300));
    api()
      .post('/v1/sentiment').times(2).matchHeader('authorization', 'Bearer tok-A').reply(200, ok)
      .post('/v1/sentiment').matchHeader('authorization', 'Bearer tok-B').reply(200, ok);
    const { client } = ccClient();
    await firstValueFrom(sentiment(client));
    await firstValueFrom(sentiment(client)); // cached
    expect(token.pendingMocks()).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 300)); // 300 s on the client's clock: past 300 s - 30 s skew
    await firstValueFrom(sentiment(client));
    expect(token.isDone()).toBe(true);
  });

  it('a 401 invalidates the token and replays the call once with a fresh one', async () => {
    nock(AUTH).post('/oauth/token').reply(200, tokenReply('tok-A')).post('/oauth/token').reply(200, tokenReply('tok-B'));
    api()
      .post('/v1/sentiment').matchHeader('authorization', 'Bearer tok-A').reply(401, { code: 'token_expired', message: 'jwt expired' })
      .post('/v1/sentiment').matchHeader('authorization', 'Bearer tok-B').reply(200, ok);
    await expect(firstValueFrom(sentiment(ccClient().client))).resolves.toEqual(ok);
  });

  it('replays only once: a second 401 is an AuthenticationError', async () => {
    nock(AUTH).post('/oauth/token').times(2).reply(200, () => tokenReply(`tok-${Math.random()}`));
    const calls = api().post('/v1/sentiment').times(3).reply(401, { code: 'auth_missing_organization', message: 'Missing organizationId' });
    await expect(firstValueFrom(sentiment(ccClient().client))).rejects.toBeInstanceOf(AuthenticationError);
    expect(calls.pendingMocks()).toHaveLength(1);
  });

  it('a refused token request is an AuthenticationError that does not reveal the secret', async () => {
    nock(AUTH).post('/oauth/token').reply(401, { error: 'access_denied', error_description: 'Unauthorized' });
    const e = await failure<AuthenticationError>(firstValueFrom(sentiment(ccClient().client)));
    expect(e).toBeInstanceOf(AuthenticationError);
    expect(e.message).toContain('auth.pulse.test');
    const everything = `${e.message} ${JSON.stringify(e)} ${e.stack} ${JSON.stringify(e.body)}`;
    expect(everything).not.toContain(SECRET);
  });

  it('a token request that never reaches the server leaves no secret in the error', async () => {
    nock(AUTH).post('/oauth/other').reply(200, {}); // nock's "no match" message echoes the request body
    const { client } = ccClient();
    const e = await failure<Error>(firstValueFrom(sentiment(client)));
    expect(e.name).toBe('PulseConnectionError');
    expect(`${e.message} ${e.stack}`).not.toContain(SECRET);
  });

  it('the result link is fetched without Authorization', async () => {
    nock(AUTH).post('/oauth/token').reply(200, tokenReply('tok-A'));
    api()
      .post('/v1/sentiment').reply(202, { job_id: 'j1' })
      .get('/v1/jobs').query({ jobId: 'j1' }).matchHeader('authorization', 'Bearer tok-A')
      .reply(200, { status: 'completed', result_url: `${FILES}/r/j1.json?X-Amz-Signature=abc` });
    nock(FILES, { badheaders: ['authorization'] }).get('/r/j1.json').query(true).reply(200, ok);
    await expect(firstValueFrom(ccClient().client.analyzeSentiment({ inputs: ['x'] }))).resolves.toEqual(ok);
  });

  it('reads PULSE_* variables and names the missing one', () => {
    const saved = { ...process.env };
    try {
      process.env.PULSE_CLIENT_ID = 'env-id';
      process.env.PULSE_CLIENT_SECRET = 'env-secret';
      process.env.PULSE_TOKEN_URL = 'https://auth.example/oauth/token';
      process.env.PULSE_AUDIENCE = 'env-aud';
      const auth = new ClientCredentialsAuth();
      expect(auth.clientId).toBe('env-id');
      expect(auth.tokenUrl).toBe('https://auth.example/oauth/token');
      expect(auth.audience).toBe('env-aud');
      expect(JSON.stringify(auth)).not.toContain('env-secret');
      delete process.env.PULSE_CLIENT_SECRET;
      expect(() => new ClientCredentialsAuth()).toThrow(expect.objectContaining({ name: 'PulseValidationError', field: 'clientSecret' }));
      expect(() => PulseClient.withClientCredentials({ clientSecret: 's', tokenUrl: 'ftp://x' })).toThrow(PulseValidationError);
    } finally {
      process.env = saved;
    }
  });
});
