import { firstValueFrom, forkJoin } from 'rxjs';
import { adaptive, PulseClient, type PollPolicy } from 'pulse-rx';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { ScaledScheduler } from '../helpers/ScaledScheduler';

// 20 s jobs on a clock 20x faster than the wall clock, shared by the emulator and the client.
const SPEED = 20;

async function setup(poll?: Partial<PollPolicy>) {
  const scheduler = new ScaledScheduler(SPEED);
  const emulator = await startEmulator({
    requireAuth: false,
    now: () => scheduler.now(),
    jobDuration: { sentiment: { baseMs: 20_000, perItemMs: 10, jitter: 0.02 } },
  });
  const client = new PulseClient({ baseUrl: emulator.url, scheduler, timeoutMs: Number.POSITIVE_INFINITY, poll });
  return { emulator, client };
}

/** Status polls the emulator saw for a batch of three similar jobs. */
async function batchPolls(emulator: Emulator, client: PulseClient, batch: number): Promise<number> {
  const before = emulator.journal().length;
  const call = (i: number) => client.analyzeSentiment({ inputs: [`batch ${batch} text ${i}`, 'the queue was long'], fast: false });
  await firstValueFrom(forkJoin([0, 1, 2].map(call)));
  return emulator.journal().slice(before).filter((e) => e.path.startsWith('/v1/jobs')).length;
}

describe('adaptive polling on the emulator', () => {
  let emulator: Emulator | undefined;
  afterEach(() => emulator?.close());

  it('polls fewer times for a second batch of similar jobs once it has learned their duration', async () => {
    const s = await setup();
    emulator = s.emulator;
    const first = await batchPolls(s.emulator, s.client, 1);
    const second = await batchPolls(s.emulator, s.client, 2);
    expect(first).toBeGreaterThanOrEqual(3 * 6); // cold: the exponential curve, ~8 polls a 20 s job
    expect(second).toBeLessThan(first);
  });

  it('shares what it learned: a second client seeded with the first one polls less from its first batch', async () => {
    const learned = adaptive();
    const s = await setup({ strategy: learned });
    emulator = s.emulator;
    const first = await batchPolls(s.emulator, s.client, 1);
    const other = new PulseClient({ baseUrl: s.emulator.url, scheduler: new ScaledScheduler(SPEED), poll: { strategy: adaptive({ prior: learned.toJSON().observations }) } });
    expect(await batchPolls(s.emulator, other, 2)).toBeLessThan(first);
  });
});
