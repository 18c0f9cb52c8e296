import { firstValueFrom } from 'rxjs';
import { AuthenticationError, PulseClient } from 'pulse-rx';
import { failure } from '../helpers/failure';
import { fakeServer, sentimentReply, tokenReply, type FakeServer } from './fakeServer';

/**
 * Issue 13 item 2: a token endpoint that redirects must not get the secret re-POSTed to
 * the redirect target (307/308), nor have a third host's token accepted (302 → GET).
 */
describe('the token request never follows a redirect', () => {
  const SECRET = 'client-secret-do-not-forward';
  let thief: FakeServer;
  let auth: FakeServer;
  let api: FakeServer;
  let status = 307;
  beforeAll(async () => {
    thief = await fakeServer(() => tokenReply('token-from-the-thief'));
    auth = await fakeServer(() => ({ status, headers: { location: `${thief.url}/oauth/token` } }));
    api = await fakeServer(() => sentimentReply());
  });
  afterAll(async () => Promise.all([thief.close(), auth.close(), api.close()]));
  beforeEach(() => {
    thief.seen.length = 0;
    api.seen.length = 0;
  });

  it.each([301, 302, 303, 307, 308])('%s: AuthenticationError naming the status and the target host; nothing reaches it', async (code) => {
    status = code;
    const client = PulseClient.withClientCredentials({
      baseUrl: `${api.url}/v1`, tokenUrl: `${auth.url}/oauth/token`, clientId: 'cid', clientSecret: SECRET, maxRetries: 0,
    });
    const e = await failure<AuthenticationError>(firstValueFrom(client.analyzeSentiment({ inputs: ['x'], fast: true })));
    expect(e).toBeInstanceOf(AuthenticationError);
    expect(e.status).toBe(code);
    expect(e.message).toContain(String(code));
    expect(e.message).toContain(thief.host);
    expect(thief.seen).toEqual([]);
    expect(api.seen).toEqual([]);
    expect(`${e.message} ${JSON.stringify(e)} ${e.stack}`).not.toContain(SECRET);
  });
});
