import { firstValueFrom, lastValueFrom } from 'rxjs';
import { NotFoundError, PulseClient, PulseValidationError, type PollPolicy } from 'pulse-rx';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { ScaledScheduler } from '../helpers/ScaledScheduler';

// Emulated time runs SPEED times real time: a 4 s window is 0.8 s of real time, which a busy
// machine's first poll still makes (at 20 it was 0.2 s, which one CI run missed).
const SPEED = 5;
const inputs = ['the room was clean', 'the queue was long'];

describe('a just-submitted job that is briefly unknown (404 grace)', () => {
  let emulator: Emulator;
  let client: PulseClient;
  async function setup(unknownNewJobsMs: number, poll: Partial<PollPolicy> = {}) {
    const scheduler = new ScaledScheduler(SPEED);
    emulator = await startEmulator({ requireAuth: false, now: () => scheduler.now(), jobDurationMs: 2000, unknownNewJobsMs });
    client = new PulseClient({ baseUrl: emulator.url, scheduler, poll: { minIntervalMs: 100, maxIntervalMs: 400, ...poll } });
  }
  afterEach(() => emulator.close());
  const statusCodes = () => emulator.journal().filter((e) => e.path.startsWith('/v1/jobs?')).map((e) => e.status);

  it('reads again through 404s within the grace period, then completes', async () => {
    await setup(4000); // under the default grace (5 s)
    const result = await lastValueFrom(client.analyzeSentiment({ inputs, fast: false }));
    expect(result.results).toHaveLength(2);
    const codes = statusCodes();
    expect(codes[0]).toBe(404);
    expect(codes.at(-1)).toBe(200);
    expect(codes.indexOf(200)).toBeGreaterThan(0);
  });

  it('fails with NotFoundError once the grace period is over', async () => {
    await setup(60_000, { notFoundGraceMs: 1500 });
    await expect(lastValueFrom(client.analyzeSentiment({ inputs, fast: false }))).rejects.toBeInstanceOf(NotFoundError);
    const codes = statusCodes();
    expect(codes.length).toBeGreaterThan(1);
    expect(codes.every((c) => c === 404)).toBe(true);
    // Bounded: reads at the poll pace (>= 100 ms apart) for 1.5 s, and one at its end.
    expect(codes.length).toBeLessThanOrEqual(1500 / 100 + 2);
  });

  it('with notFoundGraceMs: 0, or for a job resumed by id, a 404 fails at once', async () => {
    await setup(60_000, { notFoundGraceMs: 0 });
    await expect(lastValueFrom(client.analyzeSentiment({ inputs, fast: false }))).rejects.toBeInstanceOf(NotFoundError);
    expect(statusCodes()).toEqual([404]);
    const other = new PulseClient({ baseUrl: emulator.url });
    const job = await firstValueFrom(other.analyzeSentiment({ inputs: ['x'], fast: false }, { awaitJobResult: false }));
    await expect(other.jobs.resume({ id: job.id, kind: 'sentiment' }).wait()).rejects.toBeInstanceOf(NotFoundError);
    expect(statusCodes()).toEqual([404, 404]);
  });

  it('checks notFoundGraceMs (0 to 60000 ms) before any request', async () => {
    await setup(0);
    expect(() => new PulseClient({ poll: { notFoundGraceMs: 60_001 } })).toThrow(PulseValidationError);
    expect(() => new PulseClient({ poll: { notFoundGraceMs: -1 } })).toThrow(/poll\.notFoundGraceMs/);
    const call$ = client.analyzeSentiment({ inputs, fast: false }, { poll: { notFoundGraceMs: Number.NaN } });
    await expect(lastValueFrom(call$)).rejects.toThrow(/options\.poll\.notFoundGraceMs/);
    expect(emulator.journal()).toHaveLength(0);
  });
});
