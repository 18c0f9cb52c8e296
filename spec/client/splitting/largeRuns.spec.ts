import { filter, firstValueFrom, lastValueFrom, takeWhile, toArray } from 'rxjs';
import {
  MemoryRunStore,
  SplitJob,
  type JobEvent,
  type SentimentResponse,
} from 'pulse-rx';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { emulatorClient } from '../../helpers/emulatorClient';

const texts = (n: number) => Array.from({ length: n }, (_, i) => `the ride was ${i % 3 ? 'great' : 'poor'} on day ${i}`);
const inputs = texts(12_001); // as jobs: parts of 5,000, 5,000 and 2,001
const submissions = (emulator: Emulator) => emulator.journal().filter((e) => e.method === 'POST' && e.path.endsWith('/sentiment'));

describe('large runs: handles and resumable runs of split calls', () => {
  let emulator: Emulator;
  let uninterrupted: SentimentResponse;
  beforeAll(async () => {
    emulator = await startEmulator({ jobDurationMs: 30 });
    uninterrupted = await firstValueFrom(emulatorClient(emulator).analyzeSentiment({ inputs, fast: false }));
  });
  beforeEach(() => emulator.reset());
  afterAll(() => emulator.close());

  it('awaitJobResult: false gives a SplitJob whose JSON resumes in another client with no new submission', async () => {
    const job = await firstValueFrom(emulatorClient(emulator).analyzeSentiment({ inputs, fast: false }, { awaitJobResult: false }));
    expect(job).toBeInstanceOf(SplitJob);
    const json = JSON.parse(JSON.stringify(job)) as { kind: string; parts: { id: string; range: number[] }[] };
    expect(json.kind).toBe('sentiment');
    expect(json.parts.map((p) => p.range)).toEqual([
      [0, 5000],
      [5000, 10_000],
      [10_000, 12_001],
    ]);
    expect(JSON.stringify(json)).not.toContain('the ride was');
    expect(submissions(emulator)).toHaveLength(3);
    const again = emulatorClient(emulator).jobs.resume(json as never);
    const events = await lastValueFrom(again.events$.pipe(toArray()));
    const progress = events.filter((e) => e.type === 'progress');
    expect(progress.at(-1)).toEqual({ type: 'progress', done: 12_001, total: 12_001, partsDone: 3, partsTotal: 3 });
    expect(events.filter((e) => e.type === 'submitted').every((e) => e.type === 'submitted' && e.resumed)).toBe(true);
    expect(((await again.wait()) as SentimentResponse).results).toEqual(uninterrupted.results);
    expect(submissions(emulator)).toHaveLength(3);
  });

  it('run: an interrupted run resumes with no duplicate submission and the uninterrupted result', async () => {
    const store = new MemoryRunStore();
    const run = { store, id: 'survey-2026' };
    const client = emulatorClient(emulator);
    // Interrupt after the second part was accepted (the third is not submitted yet: one part in flight at a time).
    const first$ = client.analyzeSentiment({ inputs, fast: false }, { observe: 'events', run, concurrency: 1 });
    let accepted = 0;
    await lastValueFrom(first$.pipe(takeWhile((e: JobEvent<SentimentResponse>) => !(e.type === 'submitted' && ++accepted === 2))), {
      defaultValue: undefined,
    });
    expect(submissions(emulator)).toHaveLength(2);
    const record = (await store.get('survey-2026')) as { parts: Record<string, { jobId: string; done?: boolean }> };
    expect(Object.keys(record.parts)).toEqual(['0', '1']);
    expect(record.parts['0']!.done).toBe(true);

    const result = await firstValueFrom(emulatorClient(emulator).analyzeSentiment({ inputs, fast: false }, { run }));
    expect(result.results).toEqual(uninterrupted.results);
    expect(submissions(emulator)).toHaveLength(3);
    expect(submissions(emulator).map((e) => e.idempotencyKey)).toEqual(['survey-2026.part-0', 'survey-2026.part-1', 'survey-2026.part-2']);
    const done = (await store.get('survey-2026')) as { parts: Record<string, { done?: boolean }> };
    expect(Object.values(done.parts).map((p) => p.done)).toEqual([true, true, true]);
  });

  it('run: a resumed run marks recorded parts as resumed in its events', async () => {
    const store = new MemoryRunStore();
    const run = { store, id: 'twice' };
    await firstValueFrom(emulatorClient(emulator).analyzeSentiment({ inputs, fast: false }, { run }));
    const events = await lastValueFrom(
      emulatorClient(emulator)
        .analyzeSentiment({ inputs, fast: false }, { run, observe: 'events' })
        .pipe(filter((e) => e.type === 'submitted'), toArray()),
    );
    expect(events.map((e) => e.type === 'submitted' && e.resumed)).toEqual([true, true, true]);
    expect(submissions(emulator)).toHaveLength(3);
  });

  it('run: refuses a run id recorded for another call, before any request', async () => {
    const store = new MemoryRunStore();
    await store.put('other', { format: 'pulse-rx.run/1', kind: 'sentiment', partsTotal: 2, total: 5001, parts: {} });
    const call$ = emulatorClient(emulator).analyzeSentiment({ inputs, fast: false }, { run: { store, id: 'other' } });
    await expect(firstValueFrom(call$)).rejects.toMatchObject({ name: 'PulseValidationError', field: 'options.run.id' });
    expect(submissions(emulator)).toHaveLength(0);
  });

  it('jobs.resume checks a split reference (data from elsewhere) before any request', () => {
    const jobs = emulatorClient(emulator).jobs;
    const ref = { id: 's', kind: 'sentiment', request: { inputs: { $texts: 12_001 } }, total: 12_001 };
    const bad = [
      [{ ...ref, parts: [] }, 'ref.parts'],
      [{ ...ref, parts: [{ id: '', range: [0, 1] }] }, 'ref.parts[0].id'],
      [{ ...ref, parts: [{ id: 'j', range: [5, 1] }] }, 'ref.parts[0].range'],
      [{ ...ref, parts: [{ id: 'j', range: [0, 1] }], request: { inputs: { $texts: 1e12 } } }, 'ref.request.inputs.$texts'],
      [{ ...ref, parts: [{ id: 'j', range: [0, 12_001] }] }, 'ref.parts'], // the shape plans 3 parts
    ] as const;
    for (const [r, field] of bad) expect(() => jobs.resume(r as never)).toThrow(expect.objectContaining({ field }));
    expect(emulator.journal()).toHaveLength(0);
  });

    it('run: checks the option (store, id) before any request', () => {
    const client = emulatorClient(emulator);
    const bad = [
      [{ store: {}, id: 'x' }, 'options.run.store'],
      [{ store: new MemoryRunStore(), id: '' }, 'options.run.id'],
    ] as const;
    for (const [run, field] of bad) {
      let error: unknown;
      client.analyzeSentiment({ inputs: ['a'] }, { run: run as never }).subscribe({ error: (e: unknown) => (error = e) });
      expect(error).toMatchObject({ field });
    }
    expect(submissions(emulator)).toHaveLength(0);
  });
});
