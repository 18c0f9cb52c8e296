import { createHash } from 'node:crypto';
import nock from 'nock';
import { firstValueFrom } from 'rxjs';
import { AuthorizationCodePKCEAuth, AuthenticationError, PulseClient, PulseValidationError } from 'pulse-rx';
import { ScaledScheduler } from '../helpers/ScaledScheduler';
import { api, BASE, resetNock } from '../helpers/testClient';

const AUTH = 'https://auth.pulse.test';
const ok = { summary: 'fine', requestId: 'r' };

function pkceClient() {
  return PulseClient.withPkce({
    clientId: 'app',
    redirectUri: 'http://localhost:3000/callback',
    authorizeUrl: `${AUTH}/authorize`,
    tokenUrl: `${AUTH}/oauth/token`,
    baseUrl: BASE,
    scheduler: new ScaledScheduler(1000),
    timeoutMs: 10_000_000, // the 1000x clock would make the default 60 s timeout 60 ms of wall time
  });
}
const summarize = (client: PulseClient) => firstValueFrom(client.generateSummary({ inputs: ['a'], question: 'q', fast: true }));

describe('AuthorizationCodePKCEAuth', () => {
  beforeEach(resetNock);

  it('builds an authorize URL with an S256 challenge and a random state', async () => {
    const client = pkceClient();
    const first = await client.auth.authorizationUrl();
    const second = await client.auth.authorizationUrl();
    const q = new URL(first.url).searchParams;
    expect(first.url.startsWith(`${AUTH}/authorize?`)).toBe(true);
    expect(q.get('response_type')).toBe('code');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('state')).toBe(first.state);
    expect(q.get('redirect_uri')).toBe('http://localhost:3000/callback');
    expect(second.state).not.toBe(first.state);
  });

  it('refuses a callback whose state does not match', async () => {
    const client = pkceClient();
    await client.auth.authorizationUrl();
    expect(() => client.auth.completeAuthorization('code-1', 'forged')).toThrow(
      expect.objectContaining({ name: 'PulseValidationError', field: 'state' }),
    );
    const fresh = new AuthorizationCodePKCEAuth({ clientId: 'app', redirectUri: 'http://localhost/cb' });
    expect(() => fresh.completeAuthorization('c', 's')).toThrow(PulseValidationError);
  });

  it('exchanges the code once with the verifier, then uses the refresh token', async () => {
    const client = pkceClient();
    const { url, state } = await client.auth.authorizationUrl();
    client.auth.completeAuthorization('code-1', state);
    const grants: Record<string, string>[] = [];
    nock(AUTH)
      .post('/oauth/token', (b: Record<string, string>) => grants.push(b) > 0)
      .reply(200, { access_token: 'user-A', refresh_token: 'refresh-1', expires_in: 5 })
      .post('/oauth/token', (b: Record<string, string>) => grants.push(b) > 0)
      .reply(200, { access_token: 'user-B', expires_in: 3600 });
    api()
      .post('/v1/summaries').matchHeader('authorization', 'Bearer user-A').reply(200, ok)
      .post('/v1/summaries').matchHeader('authorization', 'Bearer user-B').reply(200, ok);

    await summarize(client);
    const challenge = new URL(url).searchParams.get('code_challenge');
    expect(grants[0]).toMatchObject({ grant_type: 'authorization_code', code: 'code-1', client_id: 'app' });
    expect(createHash('sha256').update(grants[0]!.code_verifier!).digest('base64url')).toBe(challenge);

    await new Promise((r) => setTimeout(r, 10)); // 10 s on the client's clock: the 5 s token expired
    await summarize(client);
    expect(grants[1]).toEqual({ grant_type: 'refresh_token', client_id: 'app', refresh_token: 'refresh-1' });
  });

  it('without a completed authorization, calls fail with AuthenticationError and send nothing', async () => {
    await expect(summarize(pkceClient())).rejects.toBeInstanceOf(AuthenticationError);
  });
});
