import { finalize, firstValueFrom, toArray, type Observable } from 'rxjs';
import {
  gatherJobs,
  InsufficientCreditsError,
  Job,
  JobFailedError,
  JobTimeoutError,
  PulseValidationError,
  submitAndGatherJobs,
  waitForAny,
  waitForStatus,
  type PulseClient,
  type SentimentResponse,
} from 'pulse-rx';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { emulatorClient } from '../helpers/emulatorClient';
import { failure } from '../helpers/failure';

type Fault = 'ok' | 'stuck' | 'failed';

describe('jobs helpers: fail-fast, per-job timeout, waitForAny, waitForStatus (emulator)', () => {
  let emulator: Emulator;
  let client: PulseClient;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, jobDurationMs: 30 });
  });
  beforeEach(() => {
    emulator.reset();
    client = emulatorClient(emulator, { maxRetries: 0 });
  });
  afterEach(() => client.close());
  afterAll(() => emulator.close());

  /** Submits one job per fault; each handle records when its polling is torn down. */
  async function submit(faults: Fault[], stopped: number[] = []): Promise<Job<SentimentResponse>[]> {
    const jobs: Job<SentimentResponse>[] = [];
    for (const [i, fault] of faults.entries()) {
      const action = fault === 'stuck' ? { type: 'job-stuck' as const } : { type: 'job-failure' as const, detail: 'GPU on fire' };
      emulator.faults.set(fault === 'ok' ? [] : [{ path: '/sentiment', action }]);
      const job = await firstValueFrom(client.analyzeSentiment({ inputs: [`text ${i}`] }, { awaitJobResult: false }));
      jobs.push(new Job(job.id, job.kind, () => job.events$.pipe(finalize(() => stopped.push(i)))));
    }
    emulator.faults.set([]);
    return jobs;
  }

  it('gatherJobs failFast: the first failure errors the stream and stops polling the rest', async () => {
    const stopped: number[] = [];
    // Job 0 never ends: without fail-fast, the ordered outcomes would wait for it forever.
    const jobs = await submit(['stuck', 'failed', 'ok'], stopped);
    const error = await failure(firstValueFrom(gatherJobs(jobs, { concurrency: 3, failFast: true }).pipe(toArray())));
    expect(error).toBeInstanceOf(JobFailedError);
    expect(stopped).toContain(0);
  });

  it('gatherJobs without failFast still reports every outcome', async () => {
    const jobs = await submit(['failed', 'ok']);
    const outcomes = await firstValueFrom(gatherJobs(jobs).pipe(toArray()));
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'fulfilled']);
  });

  it('submitAndGatherJobs timeoutMs: a job that never ends is a JobTimeoutError outcome, the others are results', async () => {
    let n = 0;
    const submitter = () => {
      emulator.faults.set(n++ === 0 ? [{ path: '/sentiment', action: { type: 'job-stuck' } }] : []);
      return client.analyzeSentiment({ inputs: [`text ${n}`] }, { awaitJobResult: false });
    };
    const outcomes = await firstValueFrom(submitAndGatherJobs([submitter, submitter], { concurrency: 1, timeoutMs: 300 }).pipe(toArray()));
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'fulfilled']);
    expect(outcomes[0]!.status === 'rejected' && outcomes[0]!.error).toBeInstanceOf(JobTimeoutError);
  });

  it('submitAndGatherJobs failFast: a refused submission errors the stream; later submitters never run', async () => {
    emulator.faults.set([{ path: '/sentiment', action: { type: 'status', status: 402 }, times: 1 }]);
    let calls = 0;
    const submitter = () => (calls++, client.analyzeSentiment({ inputs: ['a'] }, { awaitJobResult: false }));
    const error = await failure(firstValueFrom(submitAndGatherJobs([submitter, submitter, submitter], { concurrency: 1, failFast: true })));
    expect(error).toBeInstanceOf(InsufficientCreditsError);
    expect(calls).toBe(1);
  });

  it.each([
    ['gatherJobs failFast', () => gatherJobs([], { failFast: 'yes' as never }), 'config.failFast'],
    ['submitAndGatherJobs timeoutMs', () => submitAndGatherJobs([], { timeoutMs: -1 }), 'config.timeoutMs'],
    ['waitForAny of nothing', () => waitForAny([]), 'jobs'],
  ] as Array<[string, () => Observable<unknown>, string]>)('%s is checked (PulseValidationError naming it)', async (_label, start, field) => {
    const error = await failure<PulseValidationError>(firstValueFrom(start()));
    expect(error).toBeInstanceOf(PulseValidationError);
    expect(error.field).toBe(field);
  });

  it('waitForAny: the first job to finish, and the others stop polling', async () => {
    const stopped: number[] = [];
    const jobs = await submit(['stuck', 'ok'], stopped);
    const first = await firstValueFrom(waitForAny(jobs));
    expect(first.index).toBe(1);
    expect(first.status === 'fulfilled' && first.value.results).toHaveLength(1);
    expect(stopped).toContain(0);
  });

  it('waitForAny: a failure that comes first is what it emits', async () => {
    const jobs = await submit(['stuck', 'failed']);
    const first = await firstValueFrom(waitForAny(jobs));
    expect(first).toMatchObject({ index: 1, status: 'rejected' });
  });

  it('waitForStatus: as a function of a job, and as an operator on its events', async () => {
    const [job, stuck] = await submit(['ok', 'stuck']);
    const done = await firstValueFrom(waitForStatus(job!, 'completed'));
    expect(done).toMatchObject({ type: 'status', status: 'completed' });
    const pending = await firstValueFrom(stuck!.events$.pipe(waitForStatus(['pending', 'running'])));
    expect(pending.status).toBe('pending');
  });

  it('waitForStatus: a job that fails first errors with JobFailedError; one that never gets there times out', async () => {
    const [failed, stuck] = await submit(['failed', 'stuck']);
    expect(await failure(firstValueFrom(waitForStatus(failed!, 'completed')))).toBeInstanceOf(JobFailedError);
    expect(await failure(firstValueFrom(waitForStatus(stuck!, 'completed', { timeoutMs: 200 })))).toBeInstanceOf(JobTimeoutError);
    expect(() => waitForStatus(stuck!, 'done' as never)).not.toThrow(); // checked on subscription
    expect((await failure<PulseValidationError>(firstValueFrom(waitForStatus(stuck!, 'done' as never)))).field).toBe('statuses');
  });
});
