import { firstValueFrom } from 'rxjs';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { emulatorClient } from '../helpers/emulatorClient';
import { until } from '../helpers/recordingServer';

const words = ['staff', 'food', 'queue', 'ride', 'price', 'toilet', 'parking', 'show', 'coffee', 'map', 'ticket', 'hotel'];
const texts = (n: number) => Array.from({ length: n }, (_, i) => `the ${words[i % 12]} was ${i % 3 ? 'great' : 'poor'} on visit ${i}`);

describe('batching against the emulator', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    // Small vectors keep thousands of embeddings quick; the stitching logic is the same.
    emulator = await startEmulator({ jobDurationMs: 10, embeddingDimensions: 64 });
  });
  afterAll(() => emulator.close());

  it('self-similarity by blocks equals the unbatched matrix', async () => {
    const client = emulatorClient(emulator);
    const set = texts(520); // over the 500 synchronous limit: 4 chunks of 141, 10 blocks
    emulator.reset();
    const blocked = await firstValueFrom(client.compareSimilarity({ set, fast: true }, { concurrency: 4 }));
    const calls = emulator.journal().filter((e) => e.path === '/v1/similarity');
    expect(calls).toHaveLength(10);
    const whole = await firstValueFrom(client.compareSimilarity({ set })); // one job: 520 fits the async limit
    expect(blocked.n).toBe(520);
    expect(blocked.flattened).toHaveLength((520 * 519) / 2);
    expect(blocked.flattened).toEqual(whole.flattened);
    expect(blocked.matrix).toEqual(whole.matrix);
  });

  it('cross-similarity by a grid of tiles equals the unbatched matrix', async () => {
    const client = emulatorClient(emulator);
    const setA = texts(210);
    const setB = texts(100).map((t) => `${t} again`);
    const tiled = await firstValueFrom(client.compareSimilarity({ setA, setB, fast: true })); // 21,000 pairs > 20,000
    const whole = await firstValueFrom(client.compareSimilarity({ setA, setB }));
    expect(tiled.matrix).toEqual(whole.matrix);
    expect(tiled.flattened).toEqual(whole.flattened);
  });

  it('embeddings over the async limit are split into jobs and stitched in order', async () => {
    const client = emulatorClient(emulator);
    const inputs = texts(5003);
    const res = await firstValueFrom(client.createEmbeddings({ inputs }));
    expect(res.embeddings.map((e) => e.text)).toEqual(inputs);
    expect(res.requestIds).toHaveLength(2);
  });

  it('unsubscribing mid-batch aborts the requests in flight and sends no more', async () => {
    emulator.reset();
    // The emulator never answers (no race with a busy machine's clock): only the client can close these connections.
    emulator.faults.set([{ path: '/sentiment', action: { type: 'hang' } }]);
    const client = emulatorClient(emulator);
    const sub = client.analyzeSentiment({ inputs: texts(2000), fast: true }, { concurrency: 2 }).subscribe();
    const sentiment = () => emulator.journal().filter((e) => e.path === '/v1/sentiment');
    await until(() => sentiment().length === 2);
    sub.unsubscribe();
    await until(() => sentiment().every((c) => c.doneAt > 0)); // the client hung up on both
    await new Promise((r) => setTimeout(r, 100));
    expect(sentiment().map((c) => c.status)).toEqual([0, 0]); // never answered, and no third request
    emulator.faults.clear();
  });
});
