import nock from 'nock';
import { firstValueFrom, lastValueFrom, tap, toArray } from 'rxjs';
import {
  Analyzer,
  Cluster,
  MemoryCache,
  PulseValidationError,
  SentimentProcess,
  ServerError,
  Summary,
  ThemeAllocation,
  ThemeGeneration,
  type AnalysisDone,
  type AnalysisEvent,
  type ResultCache,
} from 'pulse-rx';
import { api, resetNock, testClient } from '../helpers/testClient';
import { failure } from '../helpers/failure';

const texts = ['The staff were rude', 'Rides were great fun', 'Food was cold', 'Long queues everywhere'];
const theme = (shortLabel: string) => ({ shortLabel, label: shortLabel, description: shortLabel, representatives: [] });
const sentimentBody = { results: texts.map(() => ({ sentiment: 'neutral', confidence: 0.5 })) };
const themesBody = (labels: string[]) => ({ themes: labels.map(theme) });
const crossBody = (rows: number, cols: number) => ({ scenario: 'cross', mode: 'matrix', matrix: Array.from({ length: rows }, () => Array.from({ length: cols }, () => 0.5)) });

/** Counts requests in flight on the nock host (each answered after `delayMs`). */
function inFlightMeter() {
  let now = 0;
  const meter = { max: 0, log: [] as string[] };
  const track = (name: string, body: object, delayMs = 30) =>
    api()
      .post(`/v1/${name}`)
      .reply(() => {
        now++;
        meter.max = Math.max(meter.max, now);
        meter.log.push(`${name}:start`);
        return new Promise((resolve) =>
          setTimeout(() => {
            now--;
            meter.log.push(`${name}:end`);
            resolve([200, body]);
          }, delayMs),
        ) as never;
      });
  return { meter, track };
}

describe('Analyzer', () => {
  beforeEach(resetNock);

  it('runs independent processes at the same time (two requests in flight)', async () => {
    const { client } = testClient();
    const { meter, track } = inFlightMeter();
    track('sentiment', sentimentBody);
    track('clustering', { algorithm: 'kmeans', clusters: [{ clusterId: 0, items: texts }] });
    const results = await firstValueFrom(new Analyzer({ dataset: texts, processes: [new SentimentProcess(), new Cluster({ k: 2 })], client }).run());
    expect(meter.max).toBe(2);
    expect(results.names.sort()).toEqual(['cluster', 'sentiment']);
    expect(results.cluster!.assignments()).toEqual([0, 0, 0, 0]);
  });

  it('runs a dependent process only after its dependency ended, with its themes', async () => {
    const { client } = testClient();
    const { meter, track } = inFlightMeter();
    track('themes', themesBody(['Staff', 'Rides']));
    let setB: unknown;
    api()
      .post('/v1/similarity', (body) => ((setB = body.set_b), true))
      .reply(200, crossBody(4, 2));
    const results = await firstValueFrom(new Analyzer({ dataset: texts, processes: [new ThemeAllocation()], client }).run());
    expect(meter.max).toBe(1);
    expect(setB).toEqual(['Staff', 'Rides']);
    expect(results.themeAllocation!.themes).toEqual(['Staff', 'Rides']);
    expect(results.themeGeneration!.labels).toEqual(['Staff', 'Rides']);
  });

  it('a cache answers a second identical run without any request', async () => {
    const { client } = testClient();
    const cache = new MemoryCache();
    api().post('/v1/themes').reply(200, themesBody(['Staff', 'Food', 'Rides']));
    api().post('/v1/similarity').reply(200, crossBody(4, 3));
    const analyzer = () => new Analyzer({ dataset: texts, processes: [new ThemeGeneration(), new ThemeAllocation()], client, cache });
    const first = await lastValueFrom(analyzer().events().pipe(toArray()));
    expect(nock.isDone()).toBe(true);
    const second = await lastValueFrom(analyzer().events().pipe(toArray()));
    const ends = (events: Array<AnalysisEvent | AnalysisDone>) =>
      events.flatMap((e) => (e.phase === 'end' ? [[e.process, e.cached]] : []));
    expect(ends(first)).toEqual([['themeGeneration', false], ['themeAllocation', false]]);
    expect(ends(second)).toEqual([['themeGeneration', true], ['themeAllocation', true]]);
    expect(second.at(-1)).toMatchObject({ phase: 'done', results: { names: ['themeGeneration', 'themeAllocation'] } });
    expect(cache.hits).toBe(2);
  });

  it('new upstream themes invalidate the cached allocation; the same themes do not', async () => {
    const { client } = testClient();
    const store = new Map<string, unknown>();
    const cache: ResultCache = { get: (k) => store.get(k), set: (k, v) => void store.set(k, v) };
    const isThemes = (v: unknown) => typeof v === 'object' && v !== null && 'themes' in v && !('similarity' in v);
    const forgetThemes = () => [...store].forEach(([k, v]) => isThemes(v) && store.delete(k));
    const run = () => lastValueFrom(new Analyzer({ dataset: texts, processes: [new ThemeAllocation()], client, cache }).run());

    api().post('/v1/themes').reply(200, themesBody(['Staff', 'Food']));
    api().post('/v1/similarity').reply(200, crossBody(4, 2));
    await run();

    forgetThemes(); // the themes are generated again and come out the same: allocation still cached
    api().post('/v1/themes').reply(200, themesBody(['Staff', 'Food']));
    await run();
    expect(nock.isDone()).toBe(true);

    forgetThemes(); // this time the service answers other themes: the allocation must be recomputed
    api().post('/v1/themes').reply(200, themesBody(['Queues', 'Prices', 'Rides']));
    const similarity = api().post('/v1/similarity').reply(200, crossBody(4, 3));
    const results = await run();
    expect(similarity.isDone()).toBe(true);
    expect(results.themeAllocation!.themes).toEqual(['Queues', 'Prices', 'Rides']);
  });

  it('a broken cache is a miss, never a failed analysis', async () => {
    const { client } = testClient();
    const cache: ResultCache = { get: () => Promise.reject(new Error('disk gone')), set: () => { throw new Error('disk full'); } };
    api().post('/v1/sentiment').reply(200, sentimentBody);
    const results = await firstValueFrom(new Analyzer({ dataset: texts, processes: [new SentimentProcess()], client, cache }).run());
    expect(results.sentiment!.results).toHaveLength(4);
  });

  it('a failing process emits an error event, fails the run with the typed error and cancels the rest', async () => {
    const { client } = testClient({ maxRetries: 0 });
    api().post('/v1/sentiment').reply(500, { message: 'boom' });
    api().post('/v1/summaries').delay(200).reply(200, { summary: 'never' });
    const events: Array<AnalysisEvent | AnalysisDone> = [];
    const run$ = new Analyzer({ dataset: texts, processes: [new SentimentProcess(), new Summary()], client }).events();
    const error = await failure(lastValueFrom(run$.pipe(tap((e) => events.push(e)))));
    expect(error).toBeInstanceOf(ServerError);
    expect(events.flatMap((e) => (e.phase === 'error' ? [e.process] : []))).toEqual(['sentiment']);
    expect(events.some((e) => e.phase === 'done')).toBe(false);
    expect(events.some((e) => e.phase === 'end')).toBe(false);
  });

  it('a failing dependency is reported once and its dependents never start', async () => {
    const { client } = testClient({ maxRetries: 0 });
    api().post('/v1/themes').reply(500, { message: 'boom' });
    const events: Array<AnalysisEvent | AnalysisDone> = [];
    const run$ = new Analyzer({ dataset: texts, processes: [new ThemeAllocation({ name: 'a' }), new ThemeAllocation({ name: 'b' })], client }).events();
    expect(await failure(lastValueFrom(run$.pipe(tap((e) => events.push(e)))))).toBeInstanceOf(ServerError);
    const trace = events.map((e) => (e.phase === 'done' ? 'done' : `${e.process}:${e.phase}`));
    expect(trace).toEqual(['themeGeneration:start', 'themeGeneration:error']);
  });

  describe('checks everything when built, naming the step', () => {
    const cases: Array<[string, () => unknown, string]> = [
      ['empty dataset', () => new Analyzer({ dataset: [], processes: [new SentimentProcess()] }), 'dataset'],
      ['a blank text', () => new Analyzer({ dataset: ['ok', ' '], processes: [new SentimentProcess()] }), 'dataset[1]'],
      ['a non-string text', () => new Analyzer({ dataset: ['ok', 3 as never], processes: [new SentimentProcess()] }), 'dataset[1]'],
      ['no processes', () => new Analyzer({ dataset: texts, processes: [] }), 'processes'],
      ['not a process', () => new Analyzer({ dataset: texts, processes: [{ id: 'x' } as never] }), 'processes[0]'],
      ['duplicate names', () => new Analyzer({ dataset: texts, processes: [new SentimentProcess(), new SentimentProcess()] }), 'sentiment.name'],
      ['unknown themesFrom', () => new Analyzer({ dataset: texts, processes: [new ThemeAllocation({ themesFrom: 'nope' })] }), 'themeAllocation.dependsOn'],
      [
        'a cycle',
        () =>
          new Analyzer({
            dataset: texts,
            processes: [new ThemeAllocation({ name: 'a', themesFrom: 'b' }), new ThemeAllocation({ name: 'b', themesFrom: 'a' })],
          }),
        'a.dependsOn',
      ],
      ['k out of range', () => new Cluster({ k: 0 }), 'cluster.k'],
      ['fractional k', () => new Cluster({ k: 2.5 }), 'cluster.k'],
      ['minThemes above maxThemes', () => new ThemeGeneration({ name: 'tg', minThemes: 5, maxThemes: 2 }), 'tg.minThemes'],
      ['empty themes', () => new ThemeAllocation({ themes: [] }), 'themeAllocation.themes'],
      ['a bad name', () => new SentimentProcess({ name: 'has space' }), 'sentiment.name'],
      ['a NaN threshold', () => new ThemeAllocation({ themes: ['a'], threshold: NaN }), 'themeAllocation.threshold'],
    ];
    it.each(cases)('%s', (_label, build, field) => {
      let error: unknown;
      try {
        build();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(PulseValidationError);
      expect((error as PulseValidationError).field).toBe(field);
    });
  });
});
