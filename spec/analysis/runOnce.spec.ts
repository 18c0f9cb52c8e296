import { firstValueFrom, lastValueFrom, tap, toArray } from 'rxjs';
import { Analyzer, SentimentProcess, ThemeAllocation, ThemeGeneration, collectResults } from 'pulse-rx';
import type { AnalysisEvent } from 'pulse-rx';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { emulatorClient } from '../helpers/emulatorClient';

const reviews = ['The staff were rude', 'Rides were great fun', 'Food was cold', 'Long queues', 'Lovely staff'];

/** Issue 12, item 4: watching progress and getting the results is one execution. */
describe('an Analyzer run watched and collected at once (emulator journal)', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ jobDurationMs: 20 });
  });
  afterAll(() => emulator.close());

  const analyzer = () => {
    const client = emulatorClient(emulator);
    const processes = [new ThemeGeneration({ maxThemes: 3 }), new SentimentProcess(), new ThemeAllocation()];
    return new Analyzer({ dataset: reviews, processes, client, fast: false });
  };
  /** Analysis submissions (polls and result downloads are GETs; the token is not under /v1). */
  const submissions = () =>
    emulator
      .journal()
      .filter((j) => j.method === 'POST' && j.path.startsWith('/v1/'))
      .map((j) => j.path)
      .sort();
  const three = ['/v1/sentiment', '/v1/similarity', '/v1/themes'];

  beforeEach(() => emulator.reset());

  it('run({ onEvent }) sees every step event and emits the results: exactly 3 submissions', async () => {
    const seen: AnalysisEvent[] = [];
    const results = await firstValueFrom(analyzer().run({ onEvent: (e) => seen.push(e) }));
    expect(submissions()).toEqual(three);
    expect(results.names.sort()).toEqual(['sentiment', 'themeAllocation', 'themeGeneration']);
    expect(seen.filter((e) => e.phase === 'end').map((e) => e.process).sort()).toEqual(results.names.sort());
    const statuses = seen.flatMap((e) => (e.phase === 'status' ? [e.process] : []));
    expect(statuses).toEqual(expect.arrayContaining(['sentiment', 'themeGeneration', 'themeAllocation']));
  });

  it('events() ends with a done event carrying the results: exactly 3 submissions', async () => {
    const events = await lastValueFrom(analyzer().events().pipe(toArray()));
    expect(submissions()).toEqual(three);
    const done = events.at(-1)!;
    expect(done.phase).toBe('done');
    expect(done.phase === 'done' && done.results.sentiment!.results).toHaveLength(reviews.length);
    expect(events.filter((e) => e.phase === 'done')).toHaveLength(1);
  });

  it('collectResults() over a tapped events() stream is the same one execution', async () => {
    const phases: string[] = [];
    const results = await lastValueFrom(collectResults(analyzer().events().pipe(tap((e) => phases.push(e.phase)))));
    expect(submissions()).toEqual(three);
    expect(phases.at(-1)).toBe('done');
    expect(results.names).toHaveLength(3);
  });

  it('a non-function onEvent is refused, naming the option', () => {
    const refused = expect.objectContaining({ name: 'PulseValidationError', field: 'onEvent' });
    expect(() => analyzer().run({ onEvent: 'log' as never })).toThrow(refused);
  });
});
