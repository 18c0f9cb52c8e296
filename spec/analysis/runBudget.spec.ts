import { firstValueFrom } from 'rxjs';
import { Analyzer, BudgetExceededError, PulseValidationError, SentimentProcess, ThemeGeneration, Workflow, type PulseClient } from 'pulse-rx';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { emulatorClient } from '../helpers/emulatorClient';

describe('a run budget (Analyzer and Workflow)', () => {
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
  const texts = Array.from({ length: 20 }, (_, i) => `the visit number ${i} was ${i % 2 ? 'great' : 'too long'}`);
  const analysisRequests = () => emulator.journal().filter((e) => e.path.startsWith('/v1/')).map((e) => e.path);

  it('Analyzer: every step estimated before the first starts; over the budget nothing is submitted', async () => {
    const processes = [new ThemeGeneration({ maxThemes: 3 }), new SentimentProcess()];
    const over = new Analyzer({ dataset: texts, processes, client, budget: { maxCredits: 39 } });
    const error = await firstValueFrom(over.run()).catch((e: unknown) => e);
    expect(BudgetExceededError.is(error) && [error.estimate, error.maxCredits]).toEqual([40, 39]);
    expect(analysisRequests()).toEqual(['/v1/usage/estimate', '/v1/usage/estimate']);

    emulator.reset();
    const within = new Analyzer({ dataset: texts, processes, client, budget: { maxCredits: 40 } });
    const results = await firstValueFrom(within.run());
    expect(results.sentiment!.results).toHaveLength(20);
    expect(analysisRequests().slice(0, 2)).toEqual(['/v1/usage/estimate', '/v1/usage/estimate']);
    expect(analysisRequests()).toContain('/v1/sentiment');
  });

  it('Workflow: the same guard on run({ budget })', async () => {
    const workflow = new Workflow().source('reviews', texts).sentiment();
    const error = await firstValueFrom(workflow.run({ client, budget: { maxCredits: 5 } })).catch((e: unknown) => e);
    expect(BudgetExceededError.is(error) && error.estimate).toBe(20);
    expect(analysisRequests()).toEqual(['/v1/usage/estimate']);
    const bad = await firstValueFrom(workflow.run({ client, budget: { maxCredits: Number.NaN } })).catch((e: unknown) => e);
    // Named under `options`, as every other run option of a Workflow (and as a call's budget).
    expect(PulseValidationError.is(bad) && bad.field).toBe('options.budget.maxCredits');
    expect(() => new Analyzer({ dataset: texts, processes: [new SentimentProcess()], budget: { maxCredits: -2 } })).toThrow(
      'budget.maxCredits: must be a finite number, 0 or more',
    );
  });
});
