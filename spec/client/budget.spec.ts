import { firstValueFrom } from 'rxjs';
import { BudgetExceededError, PulseClient, PulseValidationError } from 'pulse-rx';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { emulatorClient } from '../helpers/emulatorClient';
import { until } from '../helpers/recordingServer';

describe('budget: { maxCredits }', () => {
  let emulator: Emulator;
  let client: PulseClient;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    client = emulatorClient(emulator);
  });
  afterAll(async () => {
    client.close();
    await emulator.close();
  });
  beforeEach(() => emulator.reset());
  const texts = (n: number) => Array.from({ length: n }, (_, i) => `review number ${i} was fine`);
  const requests = () => emulator.journal().map((e) => `${e.method} ${e.path}`);

  it('over the estimate: BudgetExceededError naming estimate and budget, and nothing sent but the estimate', async () => {
    const error = await firstValueFrom(client.analyzeSentiment({ inputs: texts(30) }, { budget: { maxCredits: 10 } })).catch((e: unknown) => e);
    expect(BudgetExceededError.is(error)).toBe(true);
    const e = error as BudgetExceededError;
    expect([e.estimate, e.maxCredits]).toEqual([30, 10]);
    expect(e.message).toBe('estimated 30 credits, over the budget of 10 (budget.maxCredits); nothing was submitted');
    expect(e.toJSON()).toMatchObject({ name: 'BudgetExceededError', estimate: 30, maxCredits: 10 });
    expect(requests()).toEqual(['POST /v1/usage/estimate']);
  });

  it('within the estimate: one estimate, then the call (a split call is estimated once, as a whole)', async () => {
    const result = await firstValueFrom(client.analyzeSentiment({ inputs: texts(30), fast: true }, { budget: { maxCredits: 30 } }));
    expect(result.results).toHaveLength(30);
    expect(requests().filter((r) => r !== 'POST /oauth/token')).toEqual(['POST /v1/usage/estimate', 'POST /v1/sentiment']);

    emulator.reset();
    const big = await firstValueFrom(client.createEmbeddings({ inputs: texts(250), fast: true }, { budget: { maxCredits: 1000 } }));
    expect(big.embeddings).toHaveLength(250);
    expect(requests().filter((r) => r === 'POST /v1/usage/estimate')).toHaveLength(1);
    expect(requests().filter((r) => r === 'POST /v1/embeddings').length).toBeGreaterThan(1);
  });

  it('similarity is priced on both sets, a data dictionary on its cells', async () => {
    const similarity = client.compareSimilarity({ setA: texts(3), setB: texts(4) }, { budget: { maxCredits: 6 } });
    expect(await firstValueFrom(similarity).catch((e: BudgetExceededError) => e.estimate)).toBe(7);
    const data = [['q1', 'q2'], ['yes', ''], ['no', 'maybe']];
    const dictionary = client.generateDataDictionary({ data }, { budget: { maxCredits: 0 } });
    expect(await firstValueFrom(dictionary).catch((e: BudgetExceededError) => e.estimate)).toBe(1);
  });

  it('a bad budget is a PulseValidationError before any request', async () => {
    const error = await firstValueFrom(client.analyzeSentiment({ inputs: ['a'] }, { budget: { maxCredits: -1 } })).catch((e: unknown) => e);
    expect(PulseValidationError.is(error) && error.message).toBe('options.budget.maxCredits: must be a finite number, 0 or more');
    expect(requests()).toEqual([]);
  });
});

describe('client.credits$()', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterAll(() => emulator.close());

  it('streams the balance of the token\'s organisation, again after each call that gets its result', async () => {
    const client = emulatorClient(emulator, { organization: 'org_abc123' } as never);
    const got: Array<Record<string, unknown>> = [];
    const sub = client.credits$().subscribe((s) => got.push(s));
    await until(() => got.length === 1);
    await firstValueFrom(client.analyzeSentiment({ inputs: ['good'], fast: true }));
    await until(() => got.length === 2);
    await firstValueFrom(client.analyzeSentiment({ inputs: ['bad'] }));
    await until(() => got.length === 3);
    sub.unsubscribe();
    expect(got.map((s) => s.organizationId)).toEqual(['org_abc123', 'org_abc123', 'org_abc123']);
    // The emulator charges each analysis its usage: one text, then another.
    expect(got.map((s) => s.balance)).toEqual([100_000, 99_999, 99_998]);
    const paths = emulator.journal().map((e) => e.path);
    expect(paths.filter((p) => p === '/v1/credits/organizations/org_abc123')).toHaveLength(3);
    client.close();
  });

  it('an explicit org id wins; a token without org_id asks for one', async () => {
    const client = emulatorClient(emulator);
    expect((await firstValueFrom(client.credits$('org_x'))).organizationId).toBe('org_x');
    client.close();
    // An emulated organisation without an id: its tokens carry no org_id claim.
    const noOrg = await startEmulator({ organization: {} });
    const anonymous = emulatorClient(noOrg);
    try {
      const error = await firstValueFrom(anonymous.credits$()).catch((e: unknown) => e);
      expect(PulseValidationError.is(error) && error.field).toBe('orgId');
    } finally {
      anonymous.close();
      await noOrg.close();
    }
  });
});
