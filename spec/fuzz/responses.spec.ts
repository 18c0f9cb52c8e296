import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import nock from 'nock';
import { firstValueFrom } from 'rxjs';
import { PulseError } from 'pulse-rx';
import { api, resetNock, testClient } from '../helpers/testClient';

/**
 * Arbitrary server answers (statuses, content types, truncated or wrong JSON, HTML, gzip
 * garbage, big bodies): every call ends with a valid result or a PulseError, never an
 * untyped error, never a hang.
 */
const valid = { results: [{ sentiment: 'positive', confidence: 0.5 }], requestId: 'r' };
const body = fc.oneof(
  fc.constant(JSON.stringify(valid)),
  fc.string({ maxLength: 200 }),
  fc.json({ maxDepth: 3 }),
  fc.constant('{"results": [{"sentiment": "posi'),
  fc.constant('<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>'),
  fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)),
  fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.from(b)])), // gzip magic, garbage after
  fc.constant(gzipSync(Buffer.from(JSON.stringify(valid)))),
  fc.integer({ min: 100_000, max: 400_000 }).map((n) => `{"results":[${'{"sentiment":"neutral","confidence":0.5},'.repeat(n / 40)}`),
);
const contentType = fc.constantFrom('application/json', 'text/plain', 'application/octet-stream', 'text/html', 'application/xml', '');
const status = fc.oneof(fc.constantFrom(200, 201, 204, 400, 401, 402, 403, 404, 408, 409, 418, 422, 429, 500, 502, 503), fc.integer({ min: 200, max: 599 }));

describe('fuzzing server answers', () => {
  beforeEach(resetNock);

  it('every answer ends in a valid result or a PulseError', async () => {
    await fc.assert(
      fc.asyncProperty(status, body, contentType, async (code, payload, type) => {
        nock.cleanAll();
        api()
          .post('/v1/sentiment')
          .reply(code, payload, type ? { 'content-type': type } : {});
        const { client } = testClient({ maxRetries: 0, timeoutMs: 5_000_000 });
        const outcome = await firstValueFrom(client.analyzeSentiment({ inputs: ['x'], fast: true })).then(
          (value) => ({ value }),
          (error: unknown) => ({ error }),
        );
        if ('error' in outcome) {
          expect(outcome.error).toBeInstanceOf(PulseError);
          expect((outcome.error as Error).message.length).toBeGreaterThan(0);
        } else {
          expect(outcome.value).toEqual(valid);
        }
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});
