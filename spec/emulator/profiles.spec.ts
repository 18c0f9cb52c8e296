import { PulseValidationError } from 'pulse-rx';
import { PROFILES, QUIRK_NAMES, SpecValidator, StrictAudit, startEmulator, takeViolations, type Emulator, type EmulatorQuirks } from 'pulse-rx/emulator';
import { emulatorArgs } from '../../src/cli/emulatorArgs';
import { postJson, wireRequest, type WireAnswer } from '../helpers/wireRequest';
import { loadAjv } from '../../src/emulator/loadAjv';

const TEXTS = ['The rides were thrilling and the staff friendly', 'Queues were long and the food was cold'];
const GZIP = { 'accept-encoding': 'gzip, deflate' };

/** Submits a sentiment job and reads its status once right away and once after it is due. */
async function jobRoundTrip(e: Emulator, advance: () => void) {
  const submitted = await postJson(`${e.url}/sentiment`, { inputs: TEXTS });
  const id = ((submitted.body as Record<string, string>).job_id ?? (submitted.body as Record<string, string>).jobId)!;
  const status = () => wireRequest(`${e.url}/jobs?jobId=${encodeURIComponent(id)}`);
  const early = await status();
  advance();
  const done = await status();
  return { id, submitted, early, done };
}

describe('emulator profiles', () => {
  let clock = 1_000_000;
  const now = () => clock;
  const emulators: Emulator[] = [];
  const start = async (options: Parameters<typeof startEmulator>[0]) => {
    const e = await startEmulator({ requireAuth: false, now, ...options });
    emulators.push(e);
    return e;
  };
  afterAll(() => Promise.all(emulators.map((e) => e.close())));

  it("spec (the default): 202 {job_id}; statuses pending then completed with snake case, never 'queued'", async () => {
    const e = await start({ jobDurationMs: 3000 });
    expect(e.profile).toBe('spec');
    const { id, submitted, early, done } = await jobRoundTrip(e, () => (clock += 3000));
    expect(submitted).toMatchObject({ status: 202, body: { job_id: id } });
    expect(early.body).toEqual({ job_id: id, status: 'pending' });
    expect(Object.keys(done.body as object).sort()).toEqual(['job_id', 'result_url', 'status']);
    expect(done.body).toMatchObject({ status: 'completed' });
  });

  it('spec: a failed job answers only what JobStatusResponse allows (no `error`, no `message`)', async () => {
    const e = await start({ jobDurationMs: 0, faults: [{ path: '/sentiment', action: { type: 'job-failure', detail: 'worker lost' } }] });
    const { id, done } = await jobRoundTrip(e, () => undefined);
    expect(done.body).toEqual({ job_id: id, status: 'failed' });
  });

  it("queuedStatus is opt-in: 'queued' for the first third of a job", async () => {
    const e = await start({ jobDurationMs: 3000, quirks: { queuedStatus: true } });
    const { early } = await jobRoundTrip(e, () => (clock += 3000));
    expect(early.body).toMatchObject({ status: 'queued' });
  });

  it('hosted: every recorded habit at once', async () => {
    const e = await start({ profile: 'hosted', speedUp: 1000 });
    const { id, submitted, early, done } = await jobRoundTrip(e, () => (clock += 60_000));
    expect(submitted.body).toEqual({ jobId: id });
    expect(early.body).toEqual({ status: 'pending' });
    expect(done.body).toEqual({ jobId: expect.any(String), status: 'completed', resultUrl: expect.any(String) });
    // tens of seconds scaled by size in the recordings, divided by speedUp here
    const job = e.job(id)!;
    expect(job.readyAt - job.createdAt).toBeLessThan(10);
    expect(job.readyAt - job.createdAt).toBeGreaterThan(0);
    const file = await wireRequest((done.body as { resultUrl: string }).resultUrl, { headers: GZIP });
    expect(file.headers['content-encoding']).toBe('gzip');
    expect(file.body).not.toHaveProperty('usage');
    const token = await wireRequest(e.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...GZIP },
      body: `grant_type=client_credentials&client_id=${e.clientId}&client_secret=${e.clientSecret}`,
    });
    expect([token.headers['content-encoding'], (token.body as { expires_in: number }).expires_in]).toEqual(['gzip', 86_400]);
  });

  it('hosted: themes with five representatives, embeddings without requestId, no usage; gzip from 200 bytes', async () => {
    const e = await start({ profile: 'hosted' });
    const themes = await postJson(`${e.url}/themes`, { inputs: [...TEXTS, 'Parking was easy', 'Staff were rude'], fast: true }, GZIP);
    const body = themes.body as { themes: Array<{ representatives: string[] }> };
    expect(body.themes.every((t) => t.representatives.length === 5)).toBe(true);
    expect(body).not.toHaveProperty('usage');
    expect(themes.headers['content-encoding']).toBe('gzip');
    const emb = await postJson(`${e.url}/embeddings`, { inputs: ['a'], fast: true }, GZIP);
    expect(emb.body).not.toHaveProperty('requestId');
    const small = await postJson(`${e.url}/sentiment`, { inputs: ['ok'] }, GZIP);
    expect([small.status, small.headers['content-encoding']]).toEqual([202, undefined]);
  });

  it('hosted: a validation error is the recorded text/plain 400; a failed job carries `message`', async () => {
    const e = await start({ profile: 'hosted', speedUp: 1e6, faults: [{ path: '/sentiment', action: { type: 'job-failure', detail: 'worker lost' } }] });
    const bad = await postJson(`${e.url}/embeddings`, { inputs: [false], fast: true });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^text\/plain/);
    expect(bad.body).toMatch(/^Failed to parse schema\. This error was caused by: \[/);
    const { done } = await jobRoundTrip(e, () => (clock += 60_000));
    expect(done.body).toEqual({ status: 'failed', jobId: expect.any(String), message: 'worker lost' });
  });

  const habit: Record<keyof EmulatorQuirks, (e: Emulator) => Promise<boolean>> = {
    camelCaseJobs: async (e) => 'jobId' in ((await postJson(`${e.url}/sentiment`, { inputs: TEXTS })).body as object),
    barePendingStatus: async (e) => Object.keys((await jobRoundTrip(e, () => undefined)).early.body as object).join() === 'status',
    queuedStatus: async (e) => ((await jobRoundTrip(e, () => undefined)).early.body as { status: string }).status === 'queued',
    gzip: async (e) => (await postJson(`${e.url}/sentiment`, { inputs: TEXTS, fast: true }, GZIP)).headers['content-encoding'] === 'gzip',
    noUsage: async (e) => !('usage' in ((await postJson(`${e.url}/sentiment`, { inputs: TEXTS, fast: true })).body as object)),
    noEmbeddingsRequestId: async (e) => !('requestId' in ((await postJson(`${e.url}/embeddings`, { inputs: ['a'], fast: true })).body as object)),
    fiveRepresentatives: async (e) =>
      ((await postJson(`${e.url}/themes`, { inputs: [...TEXTS, 'x y', 'y z'], fast: true })).body as { themes: Array<{ representatives: unknown[] }> })
        .themes[0]!.representatives.length === 5,
    textPlain400: async (e) => typeof (await postJson(`${e.url}/sentiment`, { inputs: [1], fast: true })).body === 'string',
    failureMessage: async (e) => {
      e.faults.set([{ path: '/sentiment', action: { type: 'job-failure', detail: 'x' } }]);
      const answer: WireAnswer = (await jobRoundTrip(e, () => undefined)).done;
      return (answer.body as { message?: string }).message === 'x';
    },
  };

  it.each(QUIRK_NAMES.map((q) => [q]))('%s switches on alone over spec, and off alone over hosted', async (q) => {
    const jobDurationMs = q === 'failureMessage' ? 0 : 3000;
    const on = await start({ jobDurationMs, quirks: { [q]: true } });
    const off = await start({ profile: 'hosted', jobDurationMs, quirks: { [q]: false, queuedStatus: false } });
    expect(await habit[q](on)).toBe(true);
    expect(await habit[q](off)).toBe(false);
    expect(PROFILES.hosted.quirks[q]).toBe(q !== 'queuedStatus');
  });

  it('bad profiles and quirks are PulseValidationErrors naming the option', async () => {
    await expect(startEmulator({ profile: 'prod' as never })).rejects.toMatchObject({ name: PulseValidationError.name, field: 'profile' });
    await expect(startEmulator({ quirks: { gzipp: true } as never })).rejects.toMatchObject({ field: 'quirks.gzipp' });
    await expect(startEmulator({ speedUp: 0 })).rejects.toMatchObject({ field: 'speedUp' });
  });

  it('PULSE_EMULATOR_PROFILE picks the profile when the option is absent', async () => {
    process.env.PULSE_EMULATOR_PROFILE = 'hosted';
    try {
      expect((await start({})).profile).toBe('hosted');
      expect((await start({ profile: 'spec' })).profile).toBe('spec');
    } finally {
      delete process.env.PULSE_EMULATOR_PROFILE;
    }
  });

  it('the CLI reaches the profile, every quirk, the speed-up and strict mode', () => {
    const args = ['--profile', 'hosted', '--speed-up', '50', '--strict', ...QUIRK_NAMES.flatMap((q) => ['--quirk', `${q}=off`])];
    const { options } = emulatorArgs(args, {});
    expect(options).toMatchObject({ profile: 'hosted', speedUp: 50, strict: true });
    expect(options.quirks).toEqual(Object.fromEntries(QUIRK_NAMES.map((q) => [q, false])));
    expect(emulatorArgs(['--quirk', 'camelCaseJobs'], {}).options.quirks).toEqual({ camelCaseJobs: true });
    expect(() => emulatorArgs(['--quirk', 'nope'], {})).toThrow(/unknown quirk "nope"/);
    expect(() => emulatorArgs(['--profile', 'prod'], {})).toThrow(/--profile must be 'spec' or 'hosted'/);
  });
});

describe('strict mode', () => {
  const audit = () => new StrictAudit(new SpecValidator(loadAjv()));

  it.each([
    ['a queued status', { method: 'GET', path: '/jobs' }, { status: 200, body: { job_id: 'j', status: 'queued' } }],
    ['a failed job with `error`', { method: 'GET', path: '/jobs' }, { status: 200, body: { job_id: 'j', status: 'failed', error: 'x' } }],
    ['a camel-case submission', { method: 'POST', path: '/sentiment' }, { status: 202, body: { jobId: 'j' } }],
    ['an error without code', { method: 'POST', path: '/sentiment' }, { status: 400, body: { message: 'bad' } }],
    ['a result without requestId', { method: 'POST', path: '/sentiment' }, { status: 200, body: { results: [] } }],
  ])('turns %s into a 500 naming it, and records it', (_name, at, reply) => {
    const a = audit();
    takeViolations();
    const out = a.check(at, reply);
    expect(out.status).toBe(500);
    expect(out.body).toMatchObject({ code: 'emulator_contract_violation', message: expect.stringMatching(/^strict mode: .* breaks the spec: /) });
    expect(a.violations).toHaveLength(1);
    expect(takeViolations()).toEqual(a.violations);
  });

  it('passes what the spec allows', () => {
    const a = audit();
    expect(a.check({ method: 'GET', path: '/jobs' }, { status: 200, body: { status: 'pending' } }).status).toBe(200);
    expect(a.check({ method: 'POST', path: '/nope' }, { status: 404, body: { code: 'not_found', message: 'x' } }).status).toBe(404);
    expect(a.violations).toEqual([]);
  });

  it('is on in this suite (jest setup) for every emulator', async () => {
    const e = await startEmulator({ requireAuth: false });
    try {
      expect(process.env.PULSE_EMULATOR_STRICT).toBe('1');
      const health = await wireRequest(`${e.url}/health`);
      expect(health.status).toBe(200);
      expect(e.violations()).toEqual([]);
    } finally {
      await e.close();
    }
  });
});
