import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import nock from 'nock';
import { firstValueFrom, type Observable } from 'rxjs';
import { BadRequestError, PulseClient, StaticTokenAuth } from 'pulse-rx';
import { failure } from '../helpers/failure';
import { ScaledScheduler } from '../helpers/ScaledScheduler';
import { loadRecording, type Interaction } from './loadRecording';

const DIR = join(__dirname, '..', 'fixtures', 'recordings');
const HAR_HOST = 'https://ts-recorded.pulse.test';
const files = ['official-py', 'official-ts'].flatMap((d) => readdirSync(join(DIR, d)).map((f) => join(d, f)));

const METHOD_BY_PATH: Record<string, keyof PulseClient> = {
  '/sentiment': 'analyzeSentiment',
  '/embeddings': 'createEmbeddings',
  '/similarity': 'compareSimilarity',
  '/themes': 'generateThemes',
  '/clustering': 'clusterTexts',
  '/extractions': 'extractElements',
  '/summaries': 'generateSummary',
};
const TS_NAMES: Record<string, string> = { set_a: 'setA', set_b: 'setB', expand_dictionary: 'expandDictionary' };

const isToken = (i: Interaction) => i.url.pathname.endsWith('/oauth/token');
const apiBase = (i: Interaction) => `${i.url.origin}${i.url.pathname.replace(/\/v1\/.*$/, '/v1')}`;
const json = (i: Interaction) => {
  const raw = i.headers['content-encoding'] === 'gzip' ? gunzipSync(i.body) : i.body;
  const text = raw.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

/** Replays every interaction, in order, from nock. */
function serve(interactions: Interaction[]) {
  for (const i of interactions) {
    const path = i.url.pathname + i.url.search;
    const scope = nock(i.url.origin);
    const interceptor =
      i.method === 'POST'
        ? scope.post(i.url.pathname)
        : i.url.searchParams.has('jobId')
          ? scope.get(i.url.pathname).query({ jobId: i.url.searchParams.get('jobId')! })
          : scope.get(path);
    // Hop-by-hop headers mean nothing to a replay, and redaction shortened some bodies
    // after their Content-Length was recorded: nock sets the right one.
    const { connection: _c, 'content-length': _l, ...headers } = i.headers;
    interceptor.reply(i.status, i.body, headers);
  }
}

describe('contract: the recordings of the vendor SDKs replay through pulse-rx', () => {
  beforeEach(() => {
    nock.cleanAll();
    nock.disableNetConnect();
  });

  it.each(files)('%s', async (file) => {
    const interactions = loadRecording(join(DIR, file), HAR_HOST).filter((i) => !isToken(i));
    serve(interactions);
    const posts = interactions.map((i, index) => ({ i, index })).filter(({ i }) => i.method === 'POST');
    expect(posts.length).toBeGreaterThan(0);
    const client = new PulseClient({
      baseUrl: apiBase(posts[0]!.i),
      auth: new StaticTokenAuth('recorded'),
      scheduler: new ScaledScheduler(1000),
      timeoutMs: 10_000_000,
      maxRetries: 0,
      poll: { minIntervalMs: 500, maxIntervalMs: 500, maxWaitMs: 1e9 },
    });

    for (const { i, index } of posts) {
      const wire = JSON.parse(i.requestBody) as Record<string, unknown>;
      const request = Object.fromEntries(Object.entries(wire).map(([k, v]) => [TS_NAMES[k] ?? k, v]));
      const method = METHOD_BY_PATH[i.url.pathname.replace(/^.*\/v1/, '')]!;
      const call$ = (client[method] as unknown as (r: unknown) => Observable<unknown>).call(client, request);

      if (i.status >= 400) {
        // The recorded 400 answered `inputs: [false]`, which pulse-rx refuses before sending;
        // replay the same answer to a valid request instead.
        const valid$ = client.createEmbeddings({ inputs: ['x'], fast: true });
        const e = await failure<BadRequestError>(firstValueFrom(valid$));
        expect(e).toBeInstanceOf(BadRequestError);
        expect(e.message).toMatch(/^HTTP 400: Failed to parse schema\. This error was caused by/);
        continue;
      }
      // The result is the POST's body (sync) or the next download from the result host (job).
      const download = interactions.slice(index + 1).find((x) => x.method === 'GET' && x.url.origin !== i.url.origin);
      const expected = i.status === 200 ? json(i) : json(download!);
      const actual = await firstValueFrom(call$);
      expect(actual).toMatchObject(expected as object);
    }
    expect(nock.pendingMocks()).toEqual([]);
  });
});
