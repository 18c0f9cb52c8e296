import { filter, firstValueFrom, lastValueFrom, take, type Observable } from 'rxjs';
import { cancelJobs, JobFailedError, PulseClient, PulseValidationError, type PulseClientOptions } from 'pulse-rx';
import { startEmulator, type Emulator, type EmulatorOptions } from 'pulse-rx/emulator';
import { ScaledScheduler } from '../helpers/ScaledScheduler';

// 20 s jobs on a clock 20x faster than the wall clock: they are still running when cancelled.
const SPEED = 20;
const inputs = ['the room was clean', 'the queue was long'];

describe('cancelling jobs on the server', () => {
  let emulator: Emulator;
  let client: PulseClient;
  async function setup(emulatorOptions: EmulatorOptions = {}, clientOptions: PulseClientOptions = {}) {
    const scheduler = new ScaledScheduler(SPEED);
    emulator = await startEmulator({ requireAuth: false, now: () => scheduler.now(), jobDurationMs: 20_000, ...emulatorOptions });
    const poll = { strategy: 'exponential' as const, minIntervalMs: 100, maxIntervalMs: 400 };
    client = new PulseClient({ baseUrl: emulator.url, scheduler, poll, ...clientOptions });
  }
  afterEach(() => emulator.close());

  const deletes = () => emulator.journal().filter((e) => e.method === 'DELETE');
  const submit = () => firstValueFrom(client.analyzeSentiment({ inputs, fast: false }, { awaitJobResult: false }));
  /** Waits (a bounded number of turns, no clock) until the emulator has seen `n` DELETEs. */
  async function deletesSeen(n: number): Promise<number> {
    for (let turn = 0; turn < 200 && deletes().length < n; turn++) await new Promise((r) => setTimeout(r, 5));
    return deletes().length;
  }
  /** Subscribes, then unsubscribes once the job has been seen pending. */
  async function leaveWhilePending(events$: Observable<{ type: string }>): Promise<void> {
    await firstValueFrom(events$.pipe(filter((e) => e.type === 'status'), take(1)));
  }

  it('job.cancel() sends DELETE /jobs/{id}, emits true, and the job then reads failed', async () => {
    await setup();
    const job = await submit();
    expect(await firstValueFrom(job.cancel())).toBe(true);
    expect(deletes().map((e) => e.path)).toEqual([`/v1/jobs/${encodeURIComponent(job.id)}`]);
    expect(await firstValueFrom(client.jobs.status(job.id))).toEqual(expect.objectContaining({ status: 'failed' }));
    await expect(job.wait()).rejects.toBeInstanceOf(JobFailedError);
  });

  it('a deployment without cancellation (405) and an unknown job (404) give false, never an error', async () => {
    await setup({ cancelJobs: false });
    const job = await submit();
    expect(await firstValueFrom(job.cancel())).toBe(false);
    expect(emulator.journal().filter((e) => e.method === 'DELETE').map((e) => e.status)).toEqual([405]);
    expect(await firstValueFrom(client.jobs.cancel('no/such-job'))).toBe(false);
    expect((await firstValueFrom(client.jobs.status(job.id))).status).not.toBe('failed');
  });

  it('cancelJobs cancels several jobs, one flag each, in order', async () => {
    await setup();
    const [a, b] = [await submit(), await submit()];
    expect(await firstValueFrom(cancelJobs(client.jobs, [a.id, 'unknown', b.id]))).toEqual([true, false, true]);
    expect(await firstValueFrom(cancelJobs(client.jobs, []))).toEqual([]);
  });

  it('cancelOnUnsubscribe (call option): leaving a call while its job runs cancels the job', async () => {
    await setup();
    await leaveWhilePending(client.analyzeSentiment({ inputs, fast: false }, { observe: 'events', cancelOnUnsubscribe: true }));
    expect(await deletesSeen(1)).toBe(1);
    expect(deletes()[0]!.status).toBe(200);
  });

  it('cancelOnUnsubscribe (client option); by default leaving cancels nothing; a finished job is not cancelled', async () => {
    await setup({}, { cancelOnUnsubscribe: true });
    await leaveWhilePending(client.analyzeSentiment({ inputs, fast: false }, { observe: 'events' }));
    expect(await deletesSeen(1)).toBe(1);
    await leaveWhilePending(client.analyzeSentiment({ inputs, fast: false }, { observe: 'events', cancelOnUnsubscribe: false }));
    const other = await submit();
    await leaveWhilePending(other.events$); // the handle's own poll: the client's option applies
    expect(await deletesSeen(3)).toBe(2);
  });

  it('a job that ends while watched is not cancelled', async () => {
    await setup({ jobDurationMs: 200 }, { cancelOnUnsubscribe: true });
    await lastValueFrom(client.analyzeSentiment({ inputs, fast: false }));
    const job = await submit();
    await job.wait();
    expect(await deletesSeen(1)).toBe(0);
  });

  it('checks the option before sending anything', async () => {
    await setup();
    const bad = { cancelOnUnsubscribe: 'yes' } as unknown as { cancelOnUnsubscribe: boolean };
    await expect(lastValueFrom(client.analyzeSentiment({ inputs, fast: false }, bad))).rejects.toThrow(PulseValidationError);
    expect(() => new PulseClient({ cancelOnUnsubscribe: 1 } as unknown as PulseClientOptions)).toThrow(/cancelOnUnsubscribe/);
    expect(emulator.journal()).toHaveLength(0);
  });
});
