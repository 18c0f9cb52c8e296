import { firstValueFrom } from 'rxjs';
import { PulseValidationError } from 'pulse-rx';
import { startEmulator, type Emulator, type EmulatorOptions } from 'pulse-rx/emulator';
import { emulatorArgs } from '../../src/cli/emulatorArgs';
import { emulatorClient } from '../helpers/emulatorClient';

const inputs = ['great rides', 'awful food'];

async function token(e: Emulator, organization?: string): Promise<string> {
  const res = await fetch(e.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'client_credentials',
      client_id: e.clientId,
      client_secret: e.clientSecret,
      organization,
    }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

/** A POST over a real socket; `body` as given when a string (bytes chosen by the test). */
async function post(e: Emulator, path: string, body: unknown, key: string, bearer: string) {
  const res = await fetch(`${e.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key, authorization: `Bearer ${bearer}` },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const balance = async (e: Emulator, bearer: string) => {
  const res = await fetch(`${e.url}/credits/organizations/org_1`, { headers: { authorization: `Bearer ${bearer}` } });
  return ((await res.json()) as { balance: number }).balance;
};

/** Jobs the emulator created (a replayed answer creates none; a job whose answer was lost counts). */
const jobsCreated = (e: Emulator) => e.journal().filter((x) => x.createdJob !== undefined);

describe('Idempotency-Key in the emulator (on by default, as the hosted service)', () => {
  let emulator: Emulator;
  let bearer: string;
  let clock: number;
  const options: EmulatorOptions = {
    jobDurationMs: 20,
    organization: { id: 'org_1', credits: 1000 },
    idempotencyKeyTtlMs: 60_000,
  };
  beforeAll(async () => {
    clock = Date.now();
    emulator = await startEmulator({ ...options, now: () => clock });
  });
  beforeEach(async () => {
    emulator.reset();
    clock = Date.now();
    bearer = await token(emulator, 'org_1');
  });
  afterAll(() => emulator.close());

  it('a resend gets the same job id, creates no second job and charges nothing more', async () => {
    const before = await balance(emulator, bearer);
    const first = await post(emulator, '/sentiment', { inputs, fast: false }, 'part-0', bearer);
    const charged = before - (await balance(emulator, bearer));
    // Same parsed JSON in other bytes (key order, spacing) is the same request.
    const reordered = '{ "fast": false,  "inputs": ["great rides", "awful food"] }';
    const again = await post(emulator, '/sentiment', reordered, 'part-0', bearer);
    expect(first).toMatchObject({ status: 202, body: { job_id: expect.any(String) } });
    expect(again).toEqual(first);
    expect(charged).toBeGreaterThan(0);
    expect(await balance(emulator, bearer)).toBe(before - charged);
    expect(jobsCreated(emulator)).toHaveLength(1);
    const sent = emulator.journal().filter((x) => x.path === '/v1/sentiment');
    expect(sent.map((x) => [x.status, x.idempotencyKey, x.replayed])).toEqual([
      [202, 'part-0', undefined],
      [202, 'part-0', true],
    ]);
  });

  it('a synchronous resend gets the same body', async () => {
    const first = await post(emulator, '/sentiment', { inputs, fast: true }, 'sync-1', bearer);
    const again = await post(emulator, '/sentiment', { inputs, fast: true }, 'sync-1', bearer);
    expect(first.status).toBe(200);
    expect(again).toEqual(first);
    expect(emulator.journal().filter((x) => x.replayed)).toHaveLength(1);
  });

  it('the same key with another body or path is refused with 422 and the spec error shape, creating nothing', async () => {
    const first = await post(emulator, '/sentiment', { inputs, fast: false }, 'k', bearer);
    const otherBody = await post(emulator, '/sentiment', { inputs: ['other'], fast: false }, 'k', bearer);
    const otherPath = await post(emulator, '/embeddings', { inputs, fast: false }, 'k', bearer);
    expect(first.status).toBe(202);
    for (const refused of [otherBody, otherPath]) {
      expect(refused).toEqual({ status: 422, body: { code: 'idempotency_key_reused', message: expect.any(String) } });
    }
    expect(jobsCreated(emulator)).toHaveLength(1);
    expect(emulator.violations()).toEqual([]);
  });

  it('while the first answer is held back (latency fault) a repeat answers 409; afterwards the first answer', async () => {
    emulator.faults.set([{ method: 'POST', path: '/sentiment', action: { type: 'latency', ms: 100 }, times: 1 }]);
    // The emulator's clock stands still here: in its time the first answer is still on its way.
    const first = await post(emulator, '/sentiment', { inputs, fast: false }, 'slow', bearer);
    const meanwhile = await post(emulator, '/sentiment', { inputs, fast: false }, 'slow', bearer);
    clock += 100;
    const after = await post(emulator, '/sentiment', { inputs, fast: false }, 'slow', bearer);
    expect(first.status).toBe(202);
    expect(meanwhile).toEqual({ status: 409, body: { code: 'idempotency_key_in_use', message: expect.any(String) } });
    expect(after).toEqual(first);
    expect(jobsCreated(emulator)).toHaveLength(1);
  });

  it('keys are scoped per organisation: another organisation\'s token with the same key is new work', async () => {
    const mine = await post(emulator, '/sentiment', { inputs, fast: false }, 'shared', bearer);
    const theirs = await post(emulator, '/sentiment', { inputs, fast: false }, 'shared', await token(emulator, 'org_2'));
    expect(theirs.status).toBe(202);
    expect(theirs.body.job_id).not.toBe(mine.body.job_id);
    expect(jobsCreated(emulator)).toHaveLength(2);
  });

  it('a refused request is not kept: the corrected one under the same key is accepted', async () => {
    const bad = await post(emulator, '/sentiment', { inputs: [7], fast: false }, 'fix-me', bearer);
    const fixed = await post(emulator, '/sentiment', { inputs, fast: false }, 'fix-me', bearer);
    expect([bad.status, fixed.status]).toEqual([400, 202]);
    expect(emulator.journal().some((x) => x.replayed)).toBe(false);
  });

  it('keys are forgotten after the retention window', async () => {
    const first = await post(emulator, '/sentiment', { inputs, fast: false }, 'old', bearer);
    clock += 60_001;
    const later = await post(emulator, '/sentiment', { inputs, fast: false }, 'old', await token(emulator, 'org_1'));
    expect(later.status).toBe(202);
    expect(later.body.job_id).not.toBe(first.body.job_id);
    expect(jobsCreated(emulator)).toHaveLength(2);
  });

  it('reset() forgets the keys', async () => {
    const first = await post(emulator, '/sentiment', { inputs, fast: false }, 'r', bearer);
    emulator.reset();
    const after = await post(emulator, '/sentiment', { inputs, fast: false }, 'r', bearer);
    expect([first.status, after.status]).toEqual([202, 202]);
    expect(emulator.journal().map((x) => [x.replayed, x.createdJob])).toEqual([[undefined, after.body.job_id]]);
  });
});

describe('a pulse-rx call retried after the connection broke on an accepted POST', () => {
  /** The submission is handled (a job created), then the socket is reset before the answer. */
  const resetAfterAcceptance = [
    { method: 'POST', path: '/sentiment', action: { type: 'reset' as const, processed: true }, times: 1 },
  ];

  const run = async (options: EmulatorOptions) => {
    const emulator = await startEmulator({ jobDurationMs: 20, faults: resetAfterAcceptance, ...options });
    const client = emulatorClient(emulator);
    try {
      const res = await firstValueFrom(client.analyzeSentiment({ inputs, fast: false }));
      const sent = emulator.journal().filter((x) => x.path === '/v1/sentiment');
      return { results: res.results.length, sent, created: jobsCreated(emulator).length };
    } finally {
      client.close();
      await emulator.close();
    }
  };

  it('ends with one job: the retry under the same key gets the first answer', async () => {
    const { results, sent, created } = await run({});
    expect(results).toBe(2);
    expect(sent.map((x) => [x.status, x.fault, x.replayed])).toEqual([
      [0, 'reset', undefined],
      [202, undefined, true],
    ]);
    expect(sent[0]!.idempotencyKey).toBe(sent[1]!.idempotencyKey);
    expect(created).toBe(1);
    expect(sent[0]!.createdJob).toEqual(expect.any(String));
  });

  it('with idempotencyKeys: false the same retry makes a second job (the bill a crash costs without dedupe)', async () => {
    const { results, sent, created } = await run({ idempotencyKeys: false });
    expect(results).toBe(2);
    expect(sent.map((x) => [x.status, x.replayed])).toEqual([
      [0, undefined],
      [202, undefined],
    ]);
    expect(created).toBe(2);
  });
});

describe('switches and checks', () => {
  it('pulse-emulator --no-idempotency switches keys off; they are on by default', () => {
    expect(emulatorArgs([], {}).options.idempotencyKeys).toBe(true);
    expect(emulatorArgs(['--no-idempotency'], {}).options.idempotencyKeys).toBe(false);
  });

  it('bad options and fault fields are refused, naming the field', async () => {
    await expect(startEmulator({ idempotencyKeyTtlMs: 0 })).rejects.toMatchObject({
      name: 'PulseValidationError',
      field: 'idempotencyKeyTtlMs',
    });
    const notBoolean = 'yes' as unknown as boolean;
    await expect(startEmulator({ idempotencyKeys: notBoolean })).rejects.toBeInstanceOf(PulseValidationError);
    const emulator = await startEmulator();
    try {
      expect(() => emulator.faults.add({ action: { type: 'reset', processed: 'yes' as unknown as boolean } })).toThrow(
        expect.objectContaining({ name: 'PulseValidationError', field: 'rule.action.processed' }),
      );
    } finally {
      await emulator.close();
    }
  });
});
