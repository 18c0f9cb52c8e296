import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { PulseClient } from 'pulse-rx';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { ScaledScheduler } from '../helpers/ScaledScheduler';

// 2 s jobs on a clock 20x faster than the wall clock, shared by the emulator and the client.
const SPEED = 20;

const isPoll = (path: string, id: string) =>
  path.startsWith('/v1/jobs?') && new URL(`http://x${path}`).searchParams.get('jobId') === id;

describe('one poller per job (client.jobs.watch)', () => {
  let emulator: Emulator;
  let client: PulseClient;
  let scheduler: ScaledScheduler;
  beforeEach(async () => {
    scheduler = new ScaledScheduler(SPEED);
    emulator = await startEmulator({ requireAuth: false, now: () => scheduler.now(), jobDurationMs: 2000 });
    const poll = { strategy: 'exponential' as const, minIntervalMs: 100, maxIntervalMs: 400, jitter: 0 };
    client = new PulseClient({ baseUrl: emulator.url, scheduler, poll });
  });
  afterEach(() => emulator.close());

  async function submit(): Promise<string> {
    const job = await firstValueFrom(client.analyzeSentiment({ inputs: ['a', 'b'], fast: false }, { awaitJobResult: false }));
    return job.id;
  }

  it('three subscribers of one job: one sequence of status reads and one result download', async () => {
    const id = await submit();
    const [a, b, c] = await Promise.all([
      lastValueFrom(client.jobs.watch(id, 'sentiment').pipe(toArray())),
      firstValueFrom(client.jobs.result(id, 'sentiment')),
      lastValueFrom(client.jobs.poll(id, 'sentiment').pipe(toArray())),
    ]);
    const journal = emulator.journal();
    const polls = journal.filter((e) => isPoll(e.path, id));
    const downloads = journal.filter((e) => e.path.startsWith('/results/'));
    // Alone, one subscriber polls at 0, 100, 300, 700, 1100, 1500, 1900, 2300 ms: 8 reads at most.
    expect(polls.length).toBeLessThanOrEqual(8);
    expect(downloads).toHaveLength(1);
    expect(a.at(-1)).toEqual(expect.objectContaining({ type: 'result' }));
    expect(c.at(-1)).toEqual(a.at(-1));
    expect(b).toEqual((a.at(-1) as { data: unknown }).data);
  });

  it('a late subscriber first gets the latest status, then the shared result', async () => {
    const id = await submit();
    const first$ = client.jobs.watch(id, 'sentiment');
    const done = lastValueFrom(first$.pipe(toArray()));
    await firstValueFrom(first$); // a status is in
    const late = await lastValueFrom(client.jobs.watch(id, 'sentiment').pipe(toArray()));
    expect(late[0]).toEqual(expect.objectContaining({ type: 'status', polls: expect.any(Number) }));
    expect(late.at(-1)).toEqual((await done).at(-1));
    expect(emulator.journal().filter((e) => e.path.startsWith('/results/'))).toHaveLength(1);
  });

  it('the last unsubscribe stops the polling; a new subscriber starts a new poller', async () => {
    const id = await submit();
    const s1 = client.jobs.watch(id, 'sentiment').subscribe();
    const s2 = client.jobs.watch(id, 'sentiment').subscribe();
    await firstValueFrom(client.jobs.watch(id, 'sentiment')); // a third, gone after the first status
    s1.unsubscribe();
    s2.unsubscribe();
    const stopped = emulator.journal().filter((e) => isPoll(e.path, id)).length;
    // Another job, run to its end on the shared clock: the stopped poller would have read meanwhile.
    const other = await submit();
    await firstValueFrom(client.jobs.result(other, 'sentiment'));
    expect(emulator.journal().filter((e) => isPoll(e.path, id))).toHaveLength(stopped);
    await firstValueFrom(client.jobs.result(id, 'sentiment'));
    expect(emulator.journal().filter((e) => isPoll(e.path, id)).length).toBeGreaterThan(stopped);
  });
});
