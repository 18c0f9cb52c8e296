import { createHash, randomBytes } from 'node:crypto';
import { firstValueFrom } from 'rxjs';
import { AuthenticationError, AuthorizationCodePKCEAuth, PulseClient, PulseValidationError } from 'pulse-rx';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';

const REDIRECT = 'http://127.0.0.1:8765/callback';

describe('PKCE parity with the Python SDK (code obtained elsewhere, stored refresh token, env)', () => {
  let emulator: Emulator;
  const saved = { ...process.env };
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterAll(() => emulator.close());
  afterEach(() => {
    process.env = { ...saved };
  });
  const origin = () => new URL(emulator.tokenUrl).origin;

  /** What a browser does: follow /authorize to the redirect, and read the code from it. */
  async function codeFromBrowser(organization?: string): Promise<{ code: string; codeVerifier: string }> {
    const codeVerifier = randomBytes(32).toString('base64url');
    const url = new URL(`${origin()}/authorize`);
    const params = {
      response_type: 'code',
      client_id: emulator.clientId,
      redirect_uri: REDIRECT,
      code_challenge: createHash('sha256').update(codeVerifier).digest('base64url'),
      code_challenge_method: 'S256',
      state: 'st',
      ...(organization ? { organization } : {}),
    };
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    const res = await fetch(url, { redirect: 'manual' });
    const back = new URL(res.headers.get('location')!);
    expect([back.origin + back.pathname, back.searchParams.get('state')]).toEqual([REDIRECT, 'st']);
    return { code: back.searchParams.get('code')!, codeVerifier };
  }
  const clientWith = (auth: object) =>
    PulseClient.withPkce({ clientId: emulator.clientId, redirectUri: REDIRECT, tokenUrl: emulator.tokenUrl, baseUrl: emulator.url, ...auth });
  const sentiment = (client: PulseClient) => firstValueFrom(client.analyzeSentiment({ inputs: ['lovely'], fast: true }));

  it('an external code + codeVerifier is exchanged once; the refresh token it brings starts a later session', async () => {
    const issued: string[] = [];
    const first = clientWith({ ...(await codeFromBrowser('org_team')), onRefreshToken: (t: string) => issued.push(t) });
    expect((await sentiment(first)).results).toHaveLength(1);
    expect(issued).toHaveLength(1);
    expect((await firstValueFrom(first.credits$())).organizationId).toBe('org_team');
    first.close();

    const later = clientWith({ refreshToken: issued[0], onRefreshToken: (t: string) => issued.push(t) });
    expect((await sentiment(later)).results).toHaveLength(1);
    expect(issued).toHaveLength(2); // rotated: the emulator, like Auth0, issues a new one
    expect(issued[1]).not.toBe(issued[0]);
    later.close();

    const stale = clientWith({ refreshToken: issued[0] });
    const error = await sentiment(stale).catch((e: unknown) => e);
    expect(AuthenticationError.is(error)).toBe(true);
    expect(JSON.stringify(error) + String((error as Error).message)).not.toContain(issued[0]);
    stale.close();
  });

  it('a wrong verifier is refused by the server', async () => {
    const { code } = await codeFromBrowser();
    const wrong = clientWith({ code, codeVerifier: 'x'.repeat(43) });
    expect(AuthenticationError.is(await sentiment(wrong).catch((e: unknown) => e))).toBe(true);
    wrong.close();
  });

  it('code and codeVerifier go together; a malformed verifier is refused before any request', () => {
    const base = { clientId: 'app', redirectUri: REDIRECT };
    expect(() => new AuthorizationCodePKCEAuth({ ...base, code: 'c' })).toThrow('codeVerifier: is required with code');
    expect(() => new AuthorizationCodePKCEAuth({ ...base, codeVerifier: 'v'.repeat(43) })).toThrow('code: is required with codeVerifier');
    expect(() => new AuthorizationCodePKCEAuth({ ...base, code: 'c', codeVerifier: 'short' })).toThrow(
      'codeVerifier: must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~ (RFC 7636)',
    );
  });

  it('PULSE_REDIRECT_URI and PULSE_SCOPE come from the environment; without a redirect URI it says which', async () => {
    process.env.PULSE_REDIRECT_URI = 'http://127.0.0.1:9999/cb';
    process.env.PULSE_SCOPE = 'openid offline_access';
    const { url } = await new AuthorizationCodePKCEAuth({ clientId: 'app' }).authorizationUrl();
    const q = new URL(url).searchParams;
    expect([q.get('redirect_uri'), q.get('scope')]).toEqual(['http://127.0.0.1:9999/cb', 'openid offline_access']);
    delete process.env.PULSE_REDIRECT_URI;
    const error = (() => {
      try {
        return new AuthorizationCodePKCEAuth({ clientId: 'app' });
      } catch (e) {
        return e;
      }
    })();
    expect(PulseValidationError.is(error) && error.message).toBe('redirectUri: is required (pass it, or set PULSE_REDIRECT_URI)');
  });

  it('client credentials carry an organization (option or PULSE_ORGANIZATION) into the token', async () => {
    const { url: baseUrl, tokenUrl, clientId, clientSecret } = emulator;
    const withOption = PulseClient.withClientCredentials({ baseUrl, tokenUrl, clientId, clientSecret, organization: 'org_opt' });
    expect((await firstValueFrom(withOption.credits$())).organizationId).toBe('org_opt');
    withOption.close();
    process.env.PULSE_ORGANIZATION = 'org_env';
    const fromEnv = PulseClient.withClientCredentials({ baseUrl, tokenUrl, clientId, clientSecret });
    expect((await firstValueFrom(fromEnv.credits$())).organizationId).toBe('org_env');
    fromEnv.close();
  });
});
