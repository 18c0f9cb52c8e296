import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { Analyzer, MemoryRunStore, SentimentProcess, sentimentAnalysis, Workflow, type AnalysisEvent, type JobProgressEvent } from 'pulse-rx';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { emulatorClient } from '../helpers/emulatorClient';

const texts = Array.from({ length: 10_001 }, (_, i) => `the queue was ${i % 2 ? 'short' : 'long'} on day ${i}`); // 3 parts as jobs
const posts = (emulator: Emulator) => emulator.journal().filter((e) => e.method === 'POST' && e.path.endsWith('/sentiment'));

describe('Analyzer and Workflow runs: step progress and resumable runs', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ jobDurationMs: 10 });
  });
  beforeEach(() => emulator.reset());
  afterAll(() => emulator.close());

  it("an Analyzer's events carry its split step's progress, counted in texts", async () => {
    const client = emulatorClient(emulator);
    const analyzer = new Analyzer({ dataset: texts, processes: [new SentimentProcess()], client, fast: false });
    const events = await lastValueFrom(analyzer.events().pipe(toArray()));
    const progress = events.filter((e): e is Extract<AnalysisEvent, { phase: 'progress' }> => e.phase === 'progress');
    expect(progress.map((e) => [e.process, e.partsDone, e.partsTotal])).toEqual([
      ['sentiment', 1, 3],
      ['sentiment', 2, 3],
      ['sentiment', 3, 3],
    ]);
    expect(progress.at(-1)).toMatchObject({ done: 10_001, total: 10_001 });
  });

  it('an Analyzer run with run: { store, id } records each step under <id>/<step>; the same id again submits nothing', async () => {
    const store = new MemoryRunStore();
    const run = { store, id: 'weekly' };
    const first = await firstValueFrom(
      new Analyzer({ dataset: texts, processes: [new SentimentProcess()], client: emulatorClient(emulator), fast: false, run }).run(),
    );
    expect(store.keys()).toEqual(['weekly/sentiment']);
    expect(posts(emulator)).toHaveLength(3);
    const again = await firstValueFrom(
      new Analyzer({ dataset: texts, processes: [new SentimentProcess()], client: emulatorClient(emulator), fast: false, run }).run(),
    );
    expect(posts(emulator)).toHaveLength(3);
    expect(again.sentiment!.results).toEqual(first.sentiment!.results);
  });

  it('a Workflow run with run: { store, id } resumes the same way', async () => {
    const store = new MemoryRunStore();
    const flow = () => new Workflow().source('reviews', texts).sentiment({ name: 'mood' });
    const options = () => ({ client: emulatorClient(emulator), fast: false as const, run: { store, id: 'wf' } });
    await firstValueFrom(flow().run(options()));
    await firstValueFrom(flow().run(options()));
    expect(store.keys()).toEqual(['wf/mood']);
    expect(posts(emulator)).toHaveLength(3);
  });

  it("a starter's onProgress sees the same progress events as observe: 'events'", async () => {
    const seen: JobProgressEvent[] = [];
    const result = await firstValueFrom(sentimentAnalysis(texts, { client: emulatorClient(emulator), fast: false, onProgress: (p) => seen.push(p) }));
    expect(result.results).toHaveLength(10_001);
    // Parts may finish in any order: done grows by each finished part's texts.
    expect(seen.map((p) => [p.type, p.partsDone, p.partsTotal, p.total])).toEqual([
      ['progress', 1, 3, 10_001],
      ['progress', 2, 3, 10_001],
      ['progress', 3, 3, 10_001],
    ]);
    expect(seen.at(-1)!.done).toBe(10_001);
    const bad$ = sentimentAnalysis(texts, { client: emulatorClient(emulator), onProgress: 'yes' as never });
    await expect(firstValueFrom(bad$)).rejects.toMatchObject({ field: 'options.onProgress' });
  });

  it('checks the run option when the Analyzer is built', () => {
    const build = () => new Analyzer({ dataset: texts, processes: [new SentimentProcess()], run: { store: {} as never, id: 'x' } });
    expect(build).toThrow('run.store');
  });
});
