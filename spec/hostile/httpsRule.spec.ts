import { firstValueFrom } from 'rxjs';
import { AuthorizationCodePKCEAuth, ClientCredentialsAuth, PulseClient, ResponseValidationError, StaticTokenAuth } from 'pulse-rx';
import { failure } from '../helpers/failure';
import { fakeServer, type FakeServer } from './fakeServer';

/**
 * Issue 13 item 3: the base URL's rule (https, or plain http to loopback, unless
 * `allowInsecureHttp`) applies to every URL that carries a secret or a result.
 */
describe('https for every URL that carries a secret or a result', () => {
  const creds = { clientId: 'cid', clientSecret: 'secret-value' };

  it.each([
    ['ClientCredentialsAuth', () => new ClientCredentialsAuth({ ...creds, tokenUrl: 'http://auth.example.com/oauth/token' })],
    ['withClientCredentials', () => PulseClient.withClientCredentials({ ...creds, tokenUrl: 'http://auth.example.com/oauth/token' })],
    ['AuthorizationCodePKCEAuth', () => new AuthorizationCodePKCEAuth({ clientId: 'c', redirectUri: 'http://localhost/cb', tokenUrl: 'http://auth.example.com/t' })],
  ])('%s: a plain http tokenUrl to another host is refused, naming tokenUrl', (_name, build) => {
    expect(build).toThrow(expect.objectContaining({ name: 'PulseValidationError', field: 'tokenUrl' }));
  });

  it('loopback http, https and an explicit allowInsecureHttp are accepted', () => {
    expect(() => new ClientCredentialsAuth({ ...creds, tokenUrl: 'http://127.0.0.1:9/t' })).not.toThrow();
    expect(() => new ClientCredentialsAuth({ ...creds, tokenUrl: 'https://auth.example.com/t' })).not.toThrow();
    expect(() => new ClientCredentialsAuth({ ...creds, tokenUrl: 'http://auth.example.com/t', allowInsecureHttp: true })).not.toThrow();
    const client = PulseClient.withClientCredentials({ ...creds, tokenUrl: 'http://a.example/t', baseUrl: 'http://api.example/v1', allowInsecureHttp: true });
    expect(client.baseUrl).toBe('http://api.example/v1');
  });

  describe('result links', () => {
    let api: FakeServer;
    let resultUrl = '';
    beforeAll(async () => {
      api = await fakeServer((req) => {
        if (req.path.startsWith('/v1/sentiment')) return { status: 202, body: { job_id: 'j1' } };
        if (req.path.startsWith('/v1/jobs')) return { status: 200, body: { status: 'completed', result_url: resultUrl } };
        return { status: 200, body: { results: [{ sentiment: 'positive', confidence: 1 }], requestId: 'r' } };
      });
    });
    afterAll(() => api.close());

    const client = (allowInsecureHttp = false) =>
      new PulseClient({ baseUrl: `${api.url}/v1`, auth: new StaticTokenAuth('tok-123456'), maxRetries: 0, allowInsecureHttp });

    it('a plain http result_url to a non-loopback host is refused before any request (ResponseValidationError)', async () => {
      resultUrl = 'http://files.invalid/r/j1.json?Signature=abcdefghijklmnopqrstuvwxyz';
      const e = await failure<ResponseValidationError>(firstValueFrom(client().analyzeSentiment({ inputs: ['x'] })));
      expect(e).toBeInstanceOf(ResponseValidationError);
      expect(e.message).toContain('result_url');
      expect(e.message).not.toContain('abcdefghijklmnopqrstuvwxyz');
    });

    it('a loopback result link is fetched', async () => {
      resultUrl = `${api.url}/files/r.json`;
      await expect(firstValueFrom(client().analyzeSentiment({ inputs: ['x'] }))).resolves.toMatchObject({ requestId: 'r' });
    });
  });
});
