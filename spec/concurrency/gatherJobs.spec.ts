import { firstValueFrom, toArray } from 'rxjs';
import { gatherJobs, JobFailedError, submitAndGatherJobs, type Job, type SentimentResponse } from 'pulse-rx';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { emulatorClient } from '../helpers/emulatorClient';
import { ScaledScheduler } from '../helpers/ScaledScheduler';

describe('gathering jobs against the emulator', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ jobDurationMs: 30 });
  });
  beforeEach(() => emulator.reset());
  afterAll(() => emulator.close());

  it('gatherJobs: one outcome per job, in order, a failed job reported and nothing lost', async () => {
    const client = emulatorClient(emulator);
    const jobs: Job<SentimentResponse>[] = [];
    for (const [i, inputs] of [['good'], ['bad'], ['ugly'], ['fine']].entries()) {
      // The third submission becomes a failed job.
      emulator.faults.set(i === 2 ? [{ path: '/sentiment', action: { type: 'job-failure', detail: 'GPU on fire' } }] : []);
      jobs.push(await firstValueFrom(client.analyzeSentiment({ inputs }, { awaitJobResult: false })));
    }
    const outcomes = await firstValueFrom(gatherJobs(jobs, { concurrency: 2 }).pipe(toArray()));
    expect(outcomes.map((o) => [o.index, o.status])).toEqual([
      [0, 'fulfilled'],
      [1, 'fulfilled'],
      [2, 'rejected'],
      [3, 'fulfilled'],
    ]);
    expect(outcomes[2]!.status === 'rejected' && outcomes[2]!.error).toBeInstanceOf(JobFailedError);
    expect(outcomes[1]!.status === 'fulfilled' && outcomes[1]!.value.results[0]!.sentiment).toBe('negative');
  });

  it('gatherJobs: a job over its timeout is a rejected outcome', async () => {
    const client = emulatorClient(emulator);
    emulator.faults.set([{ path: '/sentiment', action: { type: 'job-stuck' } }]);
    const job = await firstValueFrom(client.analyzeSentiment({ inputs: ['x'] }, { awaitJobResult: false }));
    const [outcome] = await firstValueFrom(gatherJobs([job], { timeoutMs: 100 }).pipe(toArray()));
    expect(outcome).toMatchObject({ status: 'rejected', error: { name: 'JobTimeoutError' } });
  });

  it('submitAndGatherJobs spaces submissions and keeps order', async () => {
    const client = emulatorClient(emulator);
    const datasets = [['one'], ['two'], ['three'], ['four'], ['five']];
    // A real-time clock that records the waits asked for: all five are ready at once, so
    // the 2nd to 5th submissions each wait for their slot, 50 ms apart.
    const scheduler = new ScaledScheduler(1);
    const outcomes = await firstValueFrom(
      submitAndGatherJobs(
        datasets.map((inputs) => () => client.analyzeSentiment({ inputs }, { awaitJobResult: false })),
        { concurrency: 5, rateLimitDelayMs: 50, scheduler },
      ).pipe(toArray()),
    );
    expect(outcomes.map((o) => [o.index, o.status])).toEqual(datasets.map((_, i) => [i, 'fulfilled']));
    expect(outcomes.map((o) => o.status === 'fulfilled' && o.value.results[0]!.sentiment)).toHaveLength(5);
    const waits = scheduler.delays.filter((ms) => ms > 0);
    expect(waits).toHaveLength(4);
    waits.forEach((ms, i) => expect(ms).toBeGreaterThan(50 * (i + 1) - 20));
    expect(emulator.journal().filter((e) => e.path === '/v1/sentiment')).toHaveLength(5);
  });

  it('submitAndGatherJobs reports a refused submission as an outcome', async () => {
    const client = emulatorClient(emulator, { maxRetries: 0 });
    emulator.faults.set([{ path: '/sentiment', action: { type: 'status', status: 402 }, times: 1 }]);
    const outcomes = await firstValueFrom(
      submitAndGatherJobs([() => client.analyzeSentiment({ inputs: ['a'] }, { awaitJobResult: false }), () => client.analyzeSentiment({ inputs: ['b'] }, { awaitJobResult: false })]).pipe(
        toArray(),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'fulfilled']);
    expect(outcomes[0]).toMatchObject({ error: { name: 'InsufficientCreditsError', status: 402 } });
  });
});
