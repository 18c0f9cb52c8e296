import { firstValueFrom } from 'rxjs';
import * as classic from 'zod';
import { PulseClient, PulseValidationError, ResponseValidationError } from 'pulse-rx';
import { startRecordingServer, type RecordingServer } from '../helpers/recordingServer';

/**
 * The schemas are built with `zod/mini`, which loads no locale: zod's English messages are
 * passed to every parse, so the errors read as they did with classic zod, and an app that
 * configures zod globally (another locale) does not change them.
 */
let server: RecordingServer;
let client: PulseClient;

beforeAll(async () => {
  // A sentiment answer whose confidence is a string.
  server = await startRecordingServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ results: [{ sentiment: 'positive', confidence: 'high' }], requestId: 'r1' }));
  });
  client = new PulseClient({ baseUrl: `${server.url}/v1`, allowInsecureHttp: true, maxRetries: 0 });
});

afterAll(async () => {
  client.close();
  await server.close();
});

afterEach(() => classic.config(classic.locales.en()));

/** The error of one call (it fails on subscribe, before or after the request). */
const errorOf = (request: object) =>
  firstValueFrom(client.analyzeSentiment(request as never)).then(
    () => {
      throw new Error('the call succeeded');
    },
    (e: unknown) => e as Error,
  );
const responseError = () => errorOf({ inputs: ['great'], fast: true });
const requestError = () => errorOf({ inputs: ['great'], fast: true, version: 7 });

describe("zod's messages", () => {
  it("a response that does not match says what zod's English locale says", async () => {
    const e = await responseError();
    expect(e).toBeInstanceOf(ResponseValidationError);
    expect(e.message).toBe(
      'unexpected sentiment response: results[0].confidence: Invalid input: expected number, received string',
    );
  });

  it("a request field of the wrong type says what zod's English locale says", async () => {
    const e = await requestError();
    expect(e).toBeInstanceOf(PulseValidationError);
    expect(e.message).toMatch(/^version: Invalid input: expected string, received number/);
  });

  it('an app that sets another zod locale globally does not change them', async () => {
    classic.config(classic.locales.fr());
    expect((await responseError()).message).toMatch(/Invalid input: expected number, received string$/);
    expect((await requestError()).message).toMatch(/^version: Invalid input: expected string, received number/);
  });
});
