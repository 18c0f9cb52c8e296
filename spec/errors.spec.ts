import nock from 'nock';
import { firstValueFrom } from 'rxjs';
import {
  AuthenticationError,
  BadRequestError,
  InsufficientCreditsError,
  NotFoundError,
  PermissionDeniedError,
  PulseApiError,
  PulseError,
  RateLimitError,
  ServerError,
} from 'pulse-rx';
import { api, resetNock, testClient } from './helpers/testClient';

const inputs = ['good'];

async function failureOf(status: number, body: unknown, headers: Record<string, string> = {}) {
  api().post('/v1/sentiment').reply(status, body as nock.Body, headers);
  const { client } = testClient({ maxRetries: 0 });
  return firstValueFrom(client.analyzeSentiment({ inputs, fast: true })).then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as PulseApiError,
  );
}

describe('errors from real error bodies', () => {
  beforeEach(resetNock);

  it('400 validation_error keeps code, message and field details', async () => {
    const e = await failureOf(400, {
      code: 'validation_error',
      message: 'inputs must be an array of up to 200 strings',
      errors: [{ message: 'Too many items', path: ['inputs'], field: 'inputs', location: 'body' }],
    });
    expect(e).toBeInstanceOf(BadRequestError);
    expect(e).toBeInstanceOf(PulseApiError);
    expect(e).toBeInstanceOf(PulseError);
    expect(e.name).toBe('BadRequestError');
    expect(e.status).toBe(400);
    expect(e.code).toBe('validation_error');
    expect(e.errors).toEqual([{ message: 'Too many items', path: ['inputs'], field: 'inputs', location: 'body' }]);
  });

  it('401, 402 with meta, 403, 404 map to their classes', async () => {
    const e401 = await failureOf(401, { code: 'auth_missing_organization', message: 'Missing organizationId' });
    expect(e401).toBeInstanceOf(AuthenticationError);
    expect(e401.code).toBe('auth_missing_organization');

    const e402 = await failureOf(402, { code: 'insufficient_credits', message: 'Insufficient credits', meta: { balance: 10, required: 12 } });
    expect(e402).toBeInstanceOf(InsufficientCreditsError);
    expect(e402.meta).toEqual({ balance: 10, required: 12 });

    expect(await failureOf(403, { code: 'forbidden', message: 'Forbidden' })).toBeInstanceOf(PermissionDeniedError);
    expect(await failureOf(404, { code: 'not_found', message: 'Job not found' })).toBeInstanceOf(NotFoundError);
  });

  it('429 carries retryAfterMs, 5xx is a ServerError, request ids come from headers', async () => {
    const e429 = (await failureOf(429, { code: 'rate_limited', message: 'slow down' }, { 'retry-after': '120' })) as RateLimitError;
    expect(e429).toBeInstanceOf(RateLimitError);
    expect(e429.retryAfterMs).toBe(120_000);

    const e500 = await failureOf(500, { code: 'internal_error', message: 'Internal server error' }, { 'apigw-requestid': 'Kay_qhx=' });
    expect(e500).toBeInstanceOf(ServerError);
    expect(e500.requestId).toBe('Kay_qhx=');
  });

  it('the recorded text/plain 400 becomes a readable BadRequestError, not a SyntaxError', async () => {
    const text = 'Failed to parse schema. This error was caused by: [\n  {\n    "code": "invalid_type",\n    "expected": "string"';
    const e = await failureOf(400, text, { 'content-type': 'text/plain' });
    expect(e).toBeInstanceOf(BadRequestError);
    expect(e.message).toMatch(/^HTTP 400: Failed to parse schema\. This error was caused by: \[ \{ "code": "invalid_type"/);
    expect(e.body).toBe(text);
  });

  it('an HTML error page gives its text, without markup', async () => {
    const html = '<html><head><title>502 Bad Gateway</title><style>h1{}</style></head><body><h1>Bad Gateway</h1></body></html>';
    const e = await failureOf(502, html, { 'content-type': 'text/html' });
    expect(e).toBeInstanceOf(ServerError);
    expect(e.message).toBe('HTTP 502: 502 Bad Gateway Bad Gateway');
  });

  it('toJSON is plain data with no body and no headers', async () => {
    const e = await failureOf(400, { code: 'validation_error', message: 'bad' }, { 'set-cookie': 'session=secret' });
    const json = JSON.stringify(e);
    expect(JSON.parse(json)).toEqual({ name: 'BadRequestError', message: 'bad', status: 400, code: 'validation_error', errors: [] });
    expect(json).not.toContain('secret');
  });

  it('guards work on plain look-alikes across realms', () => {
    expect(PulseApiError.is(new ServerError({ status: 503, message: 'x' }))).toBe(true);
    expect(PulseApiError.is(new Error('x'))).toBe(false);
  });
});
