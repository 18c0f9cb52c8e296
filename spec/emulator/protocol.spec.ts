import { firstValueFrom } from 'rxjs';
import { PulseApiError } from 'pulse-rx';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { emulatorClient } from '../helpers/emulatorClient';
import { failure } from '../helpers/failure';

async function token(e: Emulator): Promise<string> {
  const res = await fetch(e.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: e.clientId, client_secret: e.clientSecret, audience: 'x' }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

const post = (e: Emulator, path: string, body: unknown, bearer?: string) =>
  fetch(`${e.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('emulator protocol', () => {
  let emulator: Emulator;
  let bearer: string;
  beforeAll(async () => {
    emulator = await startEmulator({ jobDurationMs: 20, maxBodyBytes: 64 * 1024 });
    bearer = await token(emulator);
  });
  afterAll(() => emulator.close());

  it('validates requests against the spec and answers ErrorResponse with path, field and location', async () => {
    const res = await post(emulator, '/sentiment', { inputs: ['ok', 7], fast: true }, bearer);
    expect(res.status).toBe(400);
    expect(res.headers.get('x-pulse-emulator')).toBe('pulse-rx');
    const body = (await res.json()) as { code: string; errors: Array<Record<string, unknown>> };
    expect(body.code).toBe('validation_error');
    expect(body.errors[0]).toMatchObject({ path: ['inputs', 1], field: 'inputs[1]', location: 'body' });
  });

  it('enforces the synchronous size limits', async () => {
    const res = await post(emulator, '/sentiment', { inputs: Array.from({ length: 201 }, (_, i) => `t${i}`), fast: true }, bearer);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Array<{ field: string }> }).errors[0]!.field).toBe('inputs');
  });

  it('can reproduce the recorded text/plain 400', async () => {
    const quirky = await startEmulator({ quirks: { textPlain400: true }, requireAuth: false });
    const res = await post(quirky, '/embeddings', { inputs: [false], fast: true });
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toMatch(/^Failed to parse schema\. This error was caused by:/);
    await quirky.close();
  });

  it('answers 401 without a valid bearer, 404 on unknown paths, 413 on oversized bodies', async () => {
    expect((await post(emulator, '/sentiment', { inputs: ['a'] })).status).toBe(401);
    expect((await post(emulator, '/sentiment', { inputs: ['a'] }, 'not.a.jwt')).status).toBe(401);
    expect((await post(emulator, '/nothing-here', {}, bearer)).status).toBe(404);
    expect((await post(emulator, '/sentiment', { inputs: ['x'.repeat(70 * 1024)] }, bearer)).status).toBe(413);
  });

  it('the token endpoint takes form and JSON bodies and refuses bad secrets', async () => {
    const json = await fetch(emulator.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: emulator.clientId, client_secret: emulator.clientSecret, audience: 'a' }),
    });
    expect(await json.json()).toMatchObject({ token_type: 'Bearer', expires_in: 3600, access_token: expect.stringMatching(/^ey/) });
    const bad = await fetch(emulator.tokenUrl, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'x', client_secret: 'y' }) });
    expect(bad.status).toBe(401);
  });

  it('answers CORS preflights so a browser app can call it', async () => {
    const res = await fetch(`${emulator.url}/sentiment`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:4200', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('result links are signed: a tampered one is refused with 403', async () => {
    const submitted = (await (await post(emulator, '/sentiment', { inputs: ['nice'] }, bearer)).json()) as { job_id: string };
    await new Promise((r) => setTimeout(r, 40));
    const status = (await (await fetch(`${emulator.url}/jobs?jobId=${encodeURIComponent(submitted.job_id)}`, { headers: { authorization: `Bearer ${bearer}` } })).json()) as {
      status: string;
      result_url: string;
    };
    expect(status.status).toBe('completed');
    expect((await fetch(status.result_url)).status).toBe(200);
    expect((await fetch(status.result_url.replace(/expires=\d+/, 'expires=99999999999999'))).status).toBe(403);
  });

  it('the admin API sets faults and reads the journal over HTTP', async () => {
    await fetch(`${emulator.origin}/_emulator/faults`, { method: 'PUT', body: JSON.stringify([{ path: '/health', action: { type: 'status', status: 502 }, times: 1 }]) });
    expect((await fetch(`${emulator.url}/health`)).status).toBe(502);
    expect((await fetch(`${emulator.url}/health`)).status).toBe(200);
    const journal = (await (await fetch(`${emulator.origin}/_emulator/journal`)).json()) as Array<{ path: string; fault?: string }>;
    expect(journal.filter((e) => e.path === '/v1/health').map((e) => e.fault)).toEqual(['status 502', undefined]);
  });

  it('a short token lifetime makes the client fetch a new token', async () => {
    const shortLived = await startEmulator({ tokenTtlSeconds: 1 });
    try {
      const client = emulatorClient(shortLived);
      await firstValueFrom(client.analyzeSentiment({ inputs: ['a'], fast: true }));
      await new Promise((r) => setTimeout(r, 1100));
      await firstValueFrom(client.analyzeSentiment({ inputs: ['b'], fast: true }));
      expect(shortLived.journal().filter((e) => e.path === '/oauth/token')).toHaveLength(2);
      expect(shortLived.journal().filter((e) => e.status === 401)).toHaveLength(0);
    } finally {
      await shortLived.close();
    }
  });

  it('an oversized request comes back to the client as a typed 413, not retried', async () => {
    const client = emulatorClient(emulator);
    const e = await failure<PulseApiError>(firstValueFrom(client.analyzeSentiment({ inputs: ['y'.repeat(80 * 1024)], fast: true })));
    expect(e).toBeInstanceOf(PulseApiError);
    expect(e.status).toBe(413);
    expect(e.code).toBe('payload_too_large');
    expect(emulator.journal().filter((x) => x.status === 413 && x.idempotencyKey !== undefined)).toHaveLength(1);
  });
});

describe('determinism', () => {
  const texts = ['The rides were thrilling', 'Food was overpriced', 'Staff were friendly', 'Queues were long', 'Clean toilets'];
  const bodies = [
    ['/sentiment', { inputs: texts, fast: true }],
    ['/embeddings', { inputs: texts.slice(0, 2), fast: true }],
    ['/themes', { inputs: texts, fast: true }],
    ['/clustering', { inputs: texts, k: 2, fast: true }],
    ['/summaries', { inputs: texts, question: 'what about food?', fast: true }],
  ] as const;

  async function run(order: number[]): Promise<string[]> {
    const e = await startEmulator({ seed: 11 });
    const bearer = await token(e);
    const out: string[] = [];
    for (const i of order) out[i] = await (await post(e, bodies[i]![0], bodies[i]![1], bearer)).text();
    await e.close();
    return out;
  }

  it('the same seed and input give the same bytes, whatever the order of requests', async () => {
    const a = await run([0, 1, 2, 3, 4]);
    const b = await run([4, 3, 2, 1, 0]);
    expect(b).toEqual(a);
  });

  it('close() leaves no sockets or timers behind', async () => {
    const before = process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap').length;
    const e = await startEmulator({ faults: [{ path: '/sentiment', action: { type: 'hang' } }] });
    const bearer = await token(e);
    const hung = post(e, '/sentiment', { inputs: ['a'], fast: true }, bearer).catch(() => 'closed');
    await new Promise((r) => setTimeout(r, 50));
    await e.close();
    await expect(hung).resolves.toBe('closed');
    await new Promise((r) => setTimeout(r, 50));
    expect(process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap').length).toBeLessThanOrEqual(before);
  });
});
