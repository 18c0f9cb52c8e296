import { firstValueFrom, from, Subject, toArray } from 'rxjs';
import { allocateThemes, analyzeSentiment, createEmbeddings, extractElements, PulseValidationError, type TextProgress, type TextSentiment } from 'pulse-rx';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { emulatorClient } from '../helpers/emulatorClient';
import { until } from '../helpers/recordingServer';

const texts = (n: number) => Array.from({ length: n }, (_, i) => `visit ${i}: the staff were ${i % 2 ? 'lovely' : 'rude'}`);

describe('text-stream operators against the emulator', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ embeddingDimensions: 32 });
  });
  beforeEach(() => emulator.reset());
  afterAll(() => emulator.close());

  const sentimentBatches = () => emulator.journal().filter((e) => e.path === '/v1/sentiment');

  it('analyzeSentiment emits one result per text, in input order, in batches of batchSize', async () => {
    const client = emulatorClient(emulator);
    const progress: TextProgress[] = [];
    const out = await firstValueFrom(
      from(texts(450)).pipe(analyzeSentiment(client, { batchSize: 200, concurrency: 2, total: 450, onProgress: (p) => progress.push(p) }), toArray()),
    );
    expect(out.map((r) => r.index)).toEqual(texts(450).map((_, i) => i));
    expect(out.map((r) => r.sentiment).slice(0, 2)).toEqual(['negative', 'positive']);
    expect(sentimentBatches()).toHaveLength(3);
    expect(progress.at(-1)).toEqual({ done: 450, total: 450, inFlight: 0, failed: 0, partsDone: 3, partsTotal: 3 });
    expect(Math.max(...progress.map((p) => p.inFlight))).toBeLessThanOrEqual(2);
  });

  it('maxWaitMs sends a partial batch when the stream pauses', async () => {
    const client = emulatorClient(emulator);
    const source = new Subject<string>();
    const seen: TextSentiment[] = [];
    const sub = source.pipe(analyzeSentiment(client, { batchSize: 100, maxWaitMs: 30 })).subscribe((r) => seen.push(r));
    ['great', 'awful', 'fine'].forEach((t) => source.next(t));
    await until(() => seen.length === 3);
    expect(sentimentBatches()).toHaveLength(1);
    source.complete();
    sub.unsubscribe();
  });

  it('a bad text stops the stream after every earlier result, naming its index; nothing is sent twice', async () => {
    const client = emulatorClient(emulator);
    const input: unknown[] = texts(250);
    input.splice(230, 0, ''); // index 230 is empty
    const seen: number[] = [];
    const error = await new Promise<unknown>((resolve) =>
      from(input as string[])
        .pipe(analyzeSentiment(client, { batchSize: 100 }))
        .subscribe({ next: (r) => seen.push(r.index), error: resolve, complete: () => resolve(undefined) }),
    );
    expect(error).toBeInstanceOf(PulseValidationError);
    expect((error as PulseValidationError).field).toBe('texts[230]');
    expect(seen).toEqual(Array.from({ length: 230 }, (_, i) => i));
    expect(sentimentBatches().map((e) => e.status)).toEqual([200, 200, 200]); // 100 + 100 + 30, once each
  });

  it('createEmbeddings, extractElements and allocateThemes keep order too', async () => {
    const client = emulatorClient(emulator);
    const input = ['the staff were rude', 'food was cold', 'long queue for rides', 'staff friendly, food tasty'];
    const embeddings = await firstValueFrom(from(input).pipe(createEmbeddings(client, { batchSize: 3 }), toArray()));
    expect(embeddings.map((e) => [e.index, e.text, e.vector.length])).toEqual(input.map((t, i) => [i, t, 32]));

    const extractions = await firstValueFrom(from(input).pipe(extractElements(client, { dictionary: ['staff', 'food', 'queue'], batchSize: 2 }), toArray()));
    expect(extractions.map((x) => Object.keys(x.matches))).toEqual(input.map(() => ['staff', 'food', 'queue']));
    expect(extractions[1]!.matches.food).toEqual(['food was cold']);

    const allocations = await firstValueFrom(from(input).pipe(allocateThemes(client, { themes: ['staff', 'food', 'queue'], threshold: 0 }), toArray()));
    expect(allocations.map((a) => a.theme)).toEqual([0, 1, 2, expect.any(Number)]);
    expect(allocations[0]!.similarities).toHaveLength(3);
  });
});
