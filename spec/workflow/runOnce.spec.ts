import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { Workflow, type AnalysisEvent } from 'pulse-rx';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { emulatorClient } from '../helpers/emulatorClient';

const reviews = ['The staff were rude', 'Rides were great fun', 'Food was cold', 'Long queues', 'Lovely staff'];

/** Issue 12, item 4: watching a workflow's progress and getting its results is one execution. */
describe('a Workflow run watched and collected at once (emulator journal)', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ jobDurationMs: 20 });
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.reset());

  const workflow = () =>
    new Workflow().source('reviews', reviews).themeGeneration({ maxThemes: 3 }).sentiment().themeAllocation();
  const submissions = () =>
    emulator
      .journal()
      .filter((j) => j.method === 'POST' && j.path.startsWith('/v1/'))
      .map((j) => j.path)
      .sort();
  const three = ['/v1/sentiment', '/v1/similarity', '/v1/themes'];

  it('run({ client, onEvent }) sees every step event and emits typed results: exactly 3 submissions', async () => {
    const seen: AnalysisEvent[] = [];
    const client = emulatorClient(emulator);
    const results = await firstValueFrom(workflow().run({ client, fast: false, onEvent: (e) => seen.push(e) }));
    expect(submissions()).toEqual(three);
    expect(results.get('sentiment').results).toHaveLength(reviews.length);
    const ended = seen.flatMap((e) => (e.phase === 'end' ? [e.process] : [])).sort();
    expect(ended).toEqual(['sentiment', 'themeAllocation', 'themeGeneration']);
    expect(seen.some((e) => e.phase === 'status')).toBe(true);
  });

  it('events() ends with one done event carrying the typed results: exactly 3 submissions', async () => {
    const client = emulatorClient(emulator);
    const events = await lastValueFrom(workflow().events({ client, fast: false }).pipe(toArray()));
    expect(submissions()).toEqual(three);
    const done = events.at(-1)!;
    expect(done.phase === 'done' && done.results.get('themeAllocation').themes.length).toBeGreaterThan(0);
    expect(events.filter((e) => e.phase === 'done')).toHaveLength(1);
  });
});
