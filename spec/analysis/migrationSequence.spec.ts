import { firstValueFrom, toArray } from 'rxjs';
import {
  Analyzer,
  SentimentProcess,
  ThemeAllocation,
  ThemeGeneration,
  Workflow,
  generateThemes,
  sentimentAnalysis,
  themeAllocation,
  DEFAULT_THEME_THRESHOLD,
  type AnalysisDone,
  type AnalysisEvent,
  type PulseClient,
} from 'pulse-rx';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import reviews from '../../examples/data/reviews.json';
import { emulatorClient } from '../helpers/emulatorClient';

/**
 * The migration guide's sequence (generate themes, analyse sentiment, allocate to the
 * themes) in its three forms, against the emulator: all three give the same answers.
 */
describe('the migration sequence: starters, Analyzer and Workflow agree', () => {
  let emulator: Emulator;
  let client: PulseClient;
  const texts = (reviews as Array<string | { text: string }>).map((r) => (typeof r === 'string' ? r : r.text));

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, jobDurationMs: 30 });
    client = emulatorClient(emulator);
  });
  afterAll(async () => {
    client.close();
    await emulator.close();
  });

  it('starters: themes, then sentiment, then allocation to the generated labels', async () => {
    const themes = await firstValueFrom(generateThemes(texts, { minThemes: 2, maxThemes: 5, client }));
    const sentiment = await firstValueFrom(sentimentAnalysis(texts, { client }));
    const allocation = await firstValueFrom(themeAllocation(texts, { themes: [...themes.themes], client }));

    expect(themes.themes.length).toBeGreaterThanOrEqual(2);
    expect(themes.themes.length).toBeLessThanOrEqual(5);
    expect(sentiment.results).toHaveLength(texts.length);
    expect(sentiment.summary().total).toBe(texts.length);
    expect(allocation.themes).toEqual(themes.labels);
    expect(allocation.similarity).toHaveLength(texts.length);
    const assigned = allocation.assignSingle();
    expect(assigned.filter((a) => a.theme !== null).length).toBeGreaterThan(0);
    for (const a of assigned) {
      const best = Math.max(...allocation.similarity[a.index]!);
      if (a.theme === null) expect(best).toBeLessThan(DEFAULT_THEME_THRESHOLD);
      else expect(a.score).toBe(best);
    }
  });

  it('Analyzer and Workflow give the same results as the starters', async () => {
    const themes = await firstValueFrom(generateThemes(texts, { minThemes: 2, maxThemes: 4, client }));
    const sentiment = await firstValueFrom(sentimentAnalysis(texts, { client }));
    const allocation = await firstValueFrom(themeAllocation(texts, { themes: [...themes.themes], client }));

    const analyzer = new Analyzer({
      dataset: texts,
      processes: [new ThemeGeneration({ minThemes: 2, maxThemes: 4 }), new SentimentProcess(), new ThemeAllocation()],
      client,
    });
    const analysed = await firstValueFrom(analyzer.run());

    const workflow = new Workflow().source('reviews', texts).themeGeneration({ minThemes: 2, maxThemes: 4 }).sentiment().themeAllocation();
    const flowed = await firstValueFrom(workflow.run(client));

    for (const results of [analysed, flowed]) {
      expect(results.themeGeneration!.labels).toEqual(themes.labels);
      expect(results.sentiment!.toRows()).toEqual(sentiment.toRows());
      expect(results.themeAllocation!.assignSingle()).toEqual(allocation.assignSingle());
    }
    // Typed access by name on the workflow's results.
    expect(flowed.get('themeAllocation').assignMulti(2)).toHaveLength(texts.length);
  });

  it('the one-line allocation generates its themes when none are given', async () => {
    const allocation = await firstValueFrom(themeAllocation(texts, { themeGeneration: { maxThemes: 3 }, client }));
    expect(allocation.themes.length).toBeGreaterThan(0);
    expect(allocation.themes.length).toBeLessThanOrEqual(3);
  });

  it('events stream start, job statuses and end for each process, themes before allocation', async () => {
    const analyzer = new Analyzer({ dataset: texts, processes: [new SentimentProcess(), new ThemeAllocation()], client, fast: false });
    const events: Array<AnalysisEvent | AnalysisDone> = await firstValueFrom(analyzer.events().pipe(toArray()));
    const trace = events.map((e) => (e.phase === 'done' ? 'done' : `${e.process}:${e.phase}`));
    expect(trace.at(-1)).toBe('done');
    expect(analyzer.processes.map((p) => p.id)).toEqual(['themeGeneration', 'sentiment', 'themeAllocation']);
    expect(trace.indexOf('themeGeneration:end')).toBeLessThan(trace.indexOf('themeAllocation:start'));
    expect(trace.filter((t) => t.endsWith(':end'))).toHaveLength(3);
    expect(events.some((e) => e.phase === 'status' && e.process === 'sentiment')).toBe(true);
    const names = expect.arrayContaining(['themeGeneration', 'sentiment', 'themeAllocation']);
    expect(events.at(-1)).toMatchObject({ phase: 'done', results: { names } });
  });
});

describe('unsubscribing from an Analyzer run', () => {
  it('stops polling every job: no request reaches the emulator afterwards', async () => {
    const emulator = await startEmulator({ port: 0, jobDurationMs: 60_000 });
    const client = emulatorClient(emulator);
    try {
      const texts = ['Rides were fun', 'Food was cold', 'Staff were kind'];
      const analyzer = new Analyzer({ dataset: texts, processes: [new SentimentProcess(), new ThemeGeneration()], client, fast: false });
      const sub = analyzer.events().subscribe();
      const polls = () => emulator.journal().filter((j) => j.path.startsWith('/v1/jobs')).length;
      while (polls() < 6) await new Promise((r) => setTimeout(r, 10)); // both jobs are being polled
      sub.unsubscribe();
      const before = emulator.journal().length;
      await new Promise((r) => setTimeout(r, 300)); // several poll intervals (10-40 ms)
      expect(emulator.journal().length).toBe(before);
    } finally {
      client.close();
      await emulator.close();
    }
  });
});
