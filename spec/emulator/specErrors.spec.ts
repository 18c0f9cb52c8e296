import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { postJson, wireRequest } from '../helpers/wireRequest';

type Example = { value: Record<string, unknown> };
type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { examples?: Record<string, Example> }> }> }>> };
const spec = parse(readFileSync(join(__dirname, '..', 'fixtures', 'openapi.yml'), 'utf8')) as Doc;

/** Every documented error example of the spec, as [path, status, name, example body]. */
const documented = Object.entries(spec.paths).flatMap(([path, ops]) =>
  Object.values(ops).flatMap((op) =>
    Object.entries(op.responses)
      .filter(([status]) => Number(status) >= 400)
      .flatMap(([status, r]) => Object.entries(r.content?.['application/json']?.examples ?? {}).map(([name, ex]) => [path, Number(status), name, ex.value] as const)),
  ),
);

const row = (cols: number, r = 0) => Array.from({ length: cols }, (_, c) => `v${r}-${c}`);

/** The request that reaches each example; `null` marks the ones the emulator cannot reach yet (see the note). */
const REQUESTS: Record<string, { method?: string; path: string; body?: unknown; fault?: number } | null> = {
  InvalidEmbeddingsRequest: { path: '/embeddings', body: { inputs: row(201), fast: true } },
  InvalidProviderSpec: { path: '/embeddings', body: { inputs: ['a'], provider: { type: 'openai' } } },
  InvalidSimilarityRequest: { path: '/similarity', body: { set_a: ['a'] } },
  UnsupportedProvider: { path: '/similarity', body: { set: ['a', 'b'], provider: { auth: {} } } },
  InvalidThemesRequest: { path: '/themes', body: { inputs: ['only one'] } },
  InvalidSentimentRequest: { path: '/sentiment', body: { inputs: [] } },
  InvalidEndpoint: { path: '/sentiment', body: { inputs: ['a'], provider: { type: 'openai', auth: {}, endpoint: 'not a url' } } },
  InvalidExtractionsRequest: { path: '/extractions', body: { inputs: ['a'] } },
  FastModeError: { path: '/data-dictionary', body: { data: [['a']], fast: true } },
  EmptyDataError: { path: '/data-dictionary', body: { data: [] } },
  InvalidStructureError: { path: '/data-dictionary', body: { data: [['a', 'b'], ['c']] } },
  DataTooLargeError: { path: '/data-dictionary', body: { data: Array.from({ length: 101 }, (_, r) => row(991, r)) } },
  MissingJobId: { method: 'GET', path: '/jobs' },
  JobNotFound: { method: 'GET', path: '/jobs?jobId=nope' },
  // A 500 fault's default body is the documented one, on whichever path documents it.
  InternalError: { path: '', fault: 500 },
  InvalidUsageEstimate: { path: '/usage/estimate', body: { inputs: ['a'] } },
  // These three need an emulated organisation (see ORG_CASES).
  MissingOrg: null,
  InsufficientCredits: null,
  Forbidden: null,
};

const twelve = row(12);
/** A valid body of each analysis path that costs 12 credits (25 for the data dictionary, as documented). */
const COSTLY: Record<string, unknown> = {
  '/embeddings': { inputs: twelve },
  '/similarity': { set: twelve },
  '/themes': { inputs: twelve },
  '/clustering': { inputs: twelve, k: 2 },
  '/sentiment': { inputs: twelve },
  '/extractions': { inputs: twelve, dictionary: ['a', 'b', 'c'] },
  '/summaries': { inputs: twelve, question: 'What?' },
  '/data-dictionary': { data: Array.from({ length: 25 }, (_, r) => row(100, r)) },
};

describe('every documented error example of the spec is reachable, with its wording (spec profile)', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ requireAuth: false });
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.faults.clear());

  it('the table covers every example', () => {
    expect(documented.map(([, , name]) => name).filter((n) => !(n in REQUESTS))).toEqual([]);
  });

  it.each(documented.filter(([, , name]) => REQUESTS[name]))('%s %i %s', async (path, status, name, example) => {
    const req = REQUESTS[name]!;
    if (req.fault) emulator.faults.set([{ path, action: { type: 'status', status: req.fault }, times: 1 }]);
    const target = `${emulator.url}${req.fault ? path : req.path}`;
    const get = req.method === 'GET' || (req.fault && path === '/jobs');
    const answer = get ? await wireRequest(target) : await postJson(target, req.body ?? {});
    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject(example);
  });

  describe('with an emulated organisation', () => {
    const token = async (e: Emulator) => {
      const form = `grant_type=client_credentials&client_id=${e.clientId}&client_secret=${e.clientSecret}`;
      const answer = await wireRequest(e.tokenUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
      return { authorization: `Bearer ${(answer.body as { access_token: string }).access_token}` };
    };
    const cases = documented.filter(([, , name]) => REQUESTS[name] === null);

    it.each(cases)('%s %i %s', async (path, status, name, example) => {
      const organization = name === 'MissingOrg' ? {} : { id: 'org_1', credits: 10 };
      const e = await startEmulator({ organization });
      try {
        const auth = await token(e);
        const answer =
          name === 'Forbidden'
            ? await wireRequest(`${e.url}/credits/organizations/org_2`, { headers: auth })
            : await postJson(`${e.url}${path}`, COSTLY[path], auth);
        expect(answer.status).toBe(status);
        expect(answer.body).toEqual(example);
      } finally {
        await e.close();
      }
    });

    it('charges calls against the balance; its own credits are readable; reset restores the balance', async () => {
      const e = await startEmulator({ organization: { id: 'org_1', credits: 14 } });
      try {
        const auth = await token(e);
        expect((await postJson(`${e.url}/sentiment`, { inputs: twelve }, auth)).status).toBe(202);
        expect((await wireRequest(`${e.url}/credits/organizations/org_1`, { headers: auth })).body).toMatchObject({ balance: 2 });
        expect((await postJson(`${e.url}/sentiment`, { inputs: ['a', 'b', 'c'] }, auth)).body).toMatchObject({ meta: { balance: 2, required: 3 } });
        e.reset();
        expect((await postJson(`${e.url}/sentiment`, { inputs: ['a', 'b', 'c'] }, auth)).status).toBe(202);
      } finally {
        await e.close();
      }
    });

    it('bad organization options are PulseValidationErrors naming the field', async () => {
      await expect(startEmulator({ organization: { credits: -1 } })).rejects.toMatchObject({ field: 'organization.credits' });
      await expect(startEmulator({ organization: { id: '' } })).rejects.toMatchObject({ field: 'organization.id' });
    });
  });

  it('extractions: expand_dictionary must be false when type is themes (prose rule)', async () => {
    const body = { inputs: ['a'], dictionary: ['x', 'y', 'z'], type: 'themes', expand_dictionary: true, fast: true };
    const answer = await postJson(`${emulator.url}/extractions`, body);
    expect(answer).toMatchObject({ status: 400, body: { code: 'validation_error', message: 'expand_dictionary must be false when type is themes' } });
    expect((await postJson(`${emulator.url}/extractions`, { ...body, expand_dictionary: false })).status).toBe(200);
  });
});
