import { firstValueFrom } from 'rxjs';
import { ClientCredentialsAuth, PulseClient, StaticTokenAuth, type PulseError } from 'pulse-rx';
import { failure } from '../helpers/failure';
import { fakeServer, type FakeServer } from './fakeServer';

/**
 * Issue 13 item 4: a server that echoes the bearer token, the client secret or a signed URL
 * in its error body must not get them into error messages, `JSON.stringify(error)` or logs.
 */
const TOKEN = 'tok-echoed-7f3a9c21';
const SECRET = 'cs-echoed-b81d44e0';
const SIGNATURE = 'Policy-eyJzdGF0ZW1lbnQiOlt7InJlc291cmNlIjoiKiJ9XX0';

function everything(e: PulseError): string {
  const api = e as PulseError & { body?: unknown; errors?: unknown; meta?: unknown };
  return [e.message, e.stack, JSON.stringify(e), JSON.stringify(api.body), JSON.stringify(api.errors), JSON.stringify(api.meta)].join('\n');
}

describe('echoed secrets never reach messages, toJSON or logs', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await fakeServer((req) => {
      const bearer = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
      if (req.path === '/oauth/token') {
        const secret = new URLSearchParams(req.body).get('client_secret');
        return { status: 401, body: { error: 'invalid_client', error_description: `unknown secret ${secret}` } };
      }
      if (req.path.startsWith('/v1/sentiment')) {
        return { status: 400, body: { code: 'bad', message: `token ${bearer} is odd`, errors: [{ message: bearer }], meta: { seen: bearer } } };
      }
      if (req.path.startsWith('/v1/embeddings')) return { status: 202, body: { job_id: 'j1' } };
      if (req.path.startsWith('/v1/jobs')) {
        return { status: 200, body: { status: 'completed', result_url: `${server.url}/files/r.json?Key-Pair-Id=k&Policy=${SIGNATURE}` } };
      }
      if (req.path.startsWith('/files/')) return { status: 404, body: { message: `no object at ${server.url}${req.path}` } };
      return { status: 404, body: { message: 'unknown' } };
    });
  });
  afterAll(() => server.close());

  it('the bearer token echoed bare in a 400 body', async () => {
    const client = new PulseClient({ baseUrl: `${server.url}/v1`, auth: new StaticTokenAuth(TOKEN), maxRetries: 0 });
    const e = await failure<PulseError>(firstValueFrom(client.analyzeSentiment({ inputs: ['x'], fast: true })));
    expect(e.name).toBe('BadRequestError');
    expect(everything(e)).toContain('[redacted]');
    expect(everything(e)).not.toContain(TOKEN);
  });

  it('the client secret echoed by the token endpoint', async () => {
    const auth = new ClientCredentialsAuth({ clientId: 'cid', clientSecret: SECRET, tokenUrl: `${server.url}/oauth/token` });
    const client = new PulseClient({ baseUrl: `${server.url}/v1`, auth, maxRetries: 0 });
    const e = await failure<PulseError>(firstValueFrom(client.analyzeSentiment({ inputs: ['x'], fast: true })));
    expect(e.name).toBe('AuthenticationError');
    expect(everything(e)).not.toContain(SECRET);
  });

  it('a signed result link echoed by the storage host', async () => {
    const client = new PulseClient({ baseUrl: `${server.url}/v1`, auth: new StaticTokenAuth(TOKEN), maxRetries: 0 });
    const e = await failure<PulseError>(firstValueFrom(client.createEmbeddings({ inputs: ['x'] })));
    expect(e.name).toBe('NotFoundError');
    expect(everything(e)).not.toContain(SIGNATURE);
  });

  it('a password in baseUrl never reaches the debug log', async () => {
    const lines: string[] = [];
    const log = (m: string, meta?: unknown) => lines.push(`${m} ${JSON.stringify(meta ?? {})}`);
    const logger = { debug: log, info: log, warn: log, error: log };
    const api = await fakeServer(() => ({ status: 200, body: { status: 'ok' } }));
    const baseUrl = `http://user:pa55-w0rd-secret@${api.host}/v1`;
    const client = new PulseClient({ baseUrl, logger, logLevel: 'debug', maxRetries: 0 });
    await firstValueFrom(client.getHealth()).catch(() => undefined);
    await api.close();
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain('pa55-w0rd-secret');
  });
});
