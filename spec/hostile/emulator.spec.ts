import { PulseValidationError } from 'pulse-rx';
import { startEmulator, type Emulator, type FaultRule } from 'pulse-rx/emulator';
import { rawHttp, rawRequest } from '../helpers/rawHttp';

/**
 * Hostile input to the emulator over raw sockets: every request gets an answer, nothing a
 * client sends stops the server, and the admin routes refuse what a web page could send.
 */
describe('the emulator under hostile requests', () => {
  let emulator: Emulator;
  let bearer: string;
  const send = (method: string, target: string, opts?: Parameters<typeof rawHttp>[2]) => rawRequest(emulator.port, rawHttp(method, target, opts));
  const alive = async () => expect((await send('GET', '/v1/health')).status).toBe(200);
  const putFaults = (rules: unknown) => send('PUT', '/_emulator/faults', { body: JSON.stringify(rules) });

  beforeAll(async () => {
    emulator = await startEmulator({ jobDurationMs: 20 });
    const res = await fetch(emulator.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: emulator.clientId, client_secret: emulator.clientSecret }),
    });
    bearer = ((await res.json()) as { access_token: string }).access_token;
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.reset());

  describe('malformed requests get a 400 and the server lives on', () => {
    it.each(['http://[/', 'http://x:99999/v1/health', 'http://%zz/v1/health', 'http://[::1/v1/health'])(
      'an invalid absolute-form URL %s, without credentials',
      async (target) => {
        const res = await send('GET', target);
        expect(res.status).toBe(400);
        expect(JSON.parse(res.body)).toMatchObject({ code: 'bad_request' });
        await alive();
      },
    );

    it.each(['%E0%A4%A', '%zz', '%', 'ok%C0'])('invalid percent-encoding in /credits/organizations/%s', async (id) => {
      const res = await send('GET', `/v1/credits/organizations/${id}`, { headers: { authorization: `Bearer ${bearer}` } });
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toMatchObject({ code: 'validation_error', errors: [{ field: 'organizationId', location: 'path' }] });
      await alive();
    });

    it('a valid percent-encoded organization id still decodes', async () => {
      const res = await send('GET', '/v1/credits/organizations/acme%20%C3%A9', { headers: { authorization: `Bearer ${bearer}` } });
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toMatchObject({ organizationId: 'acme é' });
    });
  });

  describe('fault rules are checked when set, with a 400 naming the field', () => {
    const bad: Array<[string, unknown, string]> = [
      ['a regular expression that does not compile', { path: '^(', action: { type: 'reset' } }, '[0].path'],
      ['a catastrophic-backtracking regular expression', { path: '^/(a+)+$', action: { type: 'reset' } }, '[0].path'],
      ['a non-string path', { path: 5, action: { type: 'reset' } }, '[0].path'],
      ['an unbalanced brace', { path: '/{sentiment,jobs', action: { type: 'reset' } }, '[0].path'],
      ['a path longer than 200 characters', { path: `/${'a'.repeat(200)}`, action: { type: 'reset' } }, '[0].path'],
      ['a path without its leading slash', { path: 'sentiment', action: { type: 'reset' } }, '[0].path'],
      ['a status below 200', { action: { type: 'status', status: 99 } }, '[0].action.status'],
      ['a status above 599', { action: { type: 'status', status: 1000 } }, '[0].action.status'],
      ['a fractional status', { action: { type: 'status', status: 503.5 } }, '[0].action.status'],
      ['a status fault without its status', { action: { type: 'status' } }, '[0].action.status'],
      ['a token failure with status 200', { action: { type: 'token-failure', status: 200 } }, '[0].action.status'],
      ['an unknown action type', { action: { type: 'explode' } }, '[0].action.type'],
      ['no action', { path: '/x' }, '[0].action'],
      ['a negative latency', { action: { type: 'latency', ms: -1 } }, '[0].action.ms'],
      ['a latency as a string', { action: { type: 'latency', ms: '10' } }, '[0].action.ms'],
      ['a Retry-After as a string', { action: { type: 'status', status: 429, retryAfter: 'soon' } }, '[0].action.retryAfter'],
      ['a probability above 1', { action: { type: 'reset' }, probability: 2 }, '[0].probability'],
      ['a negative count', { action: { type: 'reset' }, times: -1 }, '[0].times'],
      ['a method with a space', { method: 'GET /', action: { type: 'reset' } }, '[0].method'],
      ['a misspelt field', { action: { type: 'reset' }, tims: 1 }, '[0].tims'],
      ['a field of another action', { action: { type: 'reset', ms: 5 } }, '[0].action.ms'],
      ['a rule that is not an object', 'reset', '[0]'],
    ];

    it.each(bad)('%s: refused over HTTP and in code', async (_name, rule, field) => {
      const res = await putFaults([rule]);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toMatchObject({ code: 'invalid_fault', field: `faults${field}` });
      expect(emulator.faults.list()).toEqual([]);
      expect(() => emulator.faults.set([rule as FaultRule])).toThrow(PulseValidationError);
      expect(() => emulator.faults.add(rule as FaultRule)).toThrow(PulseValidationError);
      await alive();
      // Every path the rules could have been matched against still answers.
      expect((await send('GET', '/v1/health')).status).toBe(200);
      expect((await send('GET', `/v1/${'a'.repeat(40)}!`)).status).toBe(401);
    });

    it('a body that cannot become JSON is refused in code', () => {
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      expect(() => emulator.faults.add({ action: { type: 'status', status: 500, body: cyclic } })).toThrow(/action\.body/);
      expect(() => emulator.faults.add({ action: { type: 'status', status: 500, body: 1n } })).toThrow(/action\.body/);
    });

    it('a body that is not a JSON array of rules is a 400 too', async () => {
      expect((await send('PUT', '/_emulator/faults', { body: '{"not": "an array"}' })).status).toBe(400);
      expect((await send('PUT', '/_emulator/faults', { body: '[{' })).status).toBe(400);
      expect((await send('POST', '/_emulator/faults', { body: 'null' })).status).toBe(400);
      await alive();
    });

    it('an empty status fault body and a valid rule set still work', async () => {
      const res = await putFaults([{ method: 'get', path: '/health', action: { type: 'status', status: 503, retryAfter: 2 }, times: 1 }]);
      expect(res.status).toBe(200);
      const hit = await send('GET', '/v1/health');
      expect([hit.status, hit.headers['retry-after']]).toEqual([503, '2']);
      await alive();
    });
  });

  describe('paths are globs, matched in linear time', () => {
    it('braces choose among words, * stays within a segment, ** crosses segments', async () => {
      emulator.faults.set([
        { path: '/{sentiment,health}', action: { type: 'status', status: 418 } },
        { path: '/credits/*/x', action: { type: 'status', status: 419 } },
        { path: '/results/**.json', action: { type: 'status', status: 420 } },
      ]);
      const auth = { headers: { authorization: `Bearer ${bearer}` } };
      expect((await send('GET', '/v1/health')).status).toBe(418);
      expect((await send('GET', '/v1/credits/a/b/x', auth)).status).toBe(404);
      expect((await send('GET', '/v1/credits/a/x', auth)).status).toBe(419);
      expect((await send('GET', '/results/sentiment/abc.json')).status).toBe(420);
      expect((await send('GET', '/results/sentiment/abc.txt')).status).toBe(403);
    });

    it('a pattern full of wildcards against a long path answers', async () => {
      emulator.faults.set([{ path: `/${'*a'.repeat(60)}b`, action: { type: 'status', status: 418 } }]);
      const long = `/v1/${'a'.repeat(8000)}`;
      expect((await send('GET', long)).status).toBe(401);
      expect((await send('GET', `${long}b`)).status).toBe(418);
    });
  });

  describe('CORS for the API only; the admin routes refuse web pages', () => {
    const page = 'http://127.0.0.1:5173';

    it('API paths answer preflights and responses for another loopback origin', async () => {
      const pre = await send('OPTIONS', '/v1/sentiment', {
        headers: { origin: page, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
      expect([pre.status, pre.headers['access-control-allow-origin']]).toEqual([204, '*']);
      for (const target of ['/v1/health', '/oauth/token', '/results/sentiment/x.json']) {
        expect((await send('GET', target, { headers: { origin: page } })).headers['access-control-allow-origin']).toBe('*');
      }
    });

    it('admin routes carry no CORS header and refuse preflights', async () => {
      const pre = await send('OPTIONS', '/_emulator/faults', { headers: { origin: page, 'access-control-request-method': 'PUT' } });
      expect(pre.status).toBe(403);
      expect(pre.headers['access-control-allow-origin']).toBeUndefined();
      expect((await send('GET', '/_emulator/journal')).headers['access-control-allow-origin']).toBeUndefined();
    });

    it.each([
      ['another origin', { origin: 'https://evil.example' }],
      ['another loopback origin', { origin: page }],
      ['an opaque origin', { origin: 'null' }],
      ['a cross-site fetch', { 'sec-fetch-site': 'cross-site' }],
      ['a same-site fetch from another port', { 'sec-fetch-site': 'same-site' }],
    ])('a simple POST from %s is refused with 403 and changes nothing', async (_name, headers) => {
      emulator.faults.set([{ path: '/health', action: { type: 'hang' }, times: 1 }]);
      for (const [method, target] of [['POST', '/_emulator/reset'], ['PUT', '/_emulator/faults'], ['DELETE', '/_emulator/faults'], ['GET', '/_emulator/journal']]) {
        const res = await send(method!, target!, { headers: { ...headers, 'content-type': 'text/plain' }, body: method === 'PUT' ? '[]' : '' });
        expect([target, res.status]).toEqual([target, 403]);
        expect(JSON.parse(res.body)).toMatchObject({ code: 'forbidden' });
      }
      expect(emulator.faults.list()).toHaveLength(1);
    });

    it.each(['evil.example', 'evil.example:4010', '127.0.0.1.evil.example', 'localhost.evil.example:1', '[::2]:80', '128.0.0.1', '127.0.0.256'])(
      'admin routes refuse Host %s (DNS rebinding)',
      async (host) => {
        await alive();
        const res = await send('DELETE', '/_emulator/journal', { host });
        expect(res.status).toBe(403);
        expect(emulator.journal().map((e) => e.path)).toContain('/v1/health');
      },
    );

    it.each(['127.0.0.1', '127.0.0.1:4010', '127.1.2.3:9', 'localhost', 'LOCALHOST:80', '[::1]:4010'])('admin routes accept Host %s', async (host) => {
      const res = await send('GET', '/_emulator/journal', { host, headers: { 'sec-fetch-site': 'none' } });
      expect(res.status).toBe(200);
    });

    it('admin routes accept the host the emulator was started with', async () => {
      const named = await startEmulator({ host: 'localhost' });
      try {
        const res = await rawRequest(named.port, rawHttp('GET', '/_emulator/journal', { host: `localhost:${named.port}` }));
        expect(res.status).toBe(200);
      } finally {
        await named.close();
      }
    });

    it('API routes answer any Host: they are open to every origin by CORS anyway', async () => {
      expect((await send('GET', '/v1/health', { host: 'pulse.test:4010', headers: { origin: 'https://app.example' } })).status).toBe(200);
    });
  });
});
