import { firstValueFrom } from 'rxjs';
import {
  Analyzer,
  Similarity,
  ThemeAllocation,
  ThemeGeneration,
  type PulseClient,
  type SimilarityResult,
  type ThemeAllocationResult,
  type ThemeGenerationResult,
} from 'pulse-rx';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { emulatorClient } from '../helpers/emulatorClient';

const texts = ['The staff were rude and slow', 'Rides were great fun', 'Food was cold and overpriced', 'Queues were long'];

describe('what the new process options give back (emulator)', () => {
  let emulator: Emulator;
  let client: PulseClient;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, jobDurationMs: 20 });
    client = emulatorClient(emulator);
  });
  afterAll(async () => {
    client.close();
    await emulator.close();
  });

  const run = (...processes: unknown[]) => firstValueFrom(new Analyzer({ dataset: texts, processes: processes as never, client }).run());

  it('Similarity flatten: the upper triangle as sent, and the same matrix rebuilt from it', async () => {
    const results = await run(new Similarity({ flatten: true }), new Similarity({ name: 'full' }));
    const flat = results.get('similarity') as SimilarityResult;
    const full = results.get('full') as SimilarityResult;
    expect(flat.raw.matrix).toBeUndefined();
    expect(flat.flattened).toHaveLength((texts.length * (texts.length - 1)) / 2);
    expect(flat.matrix).toEqual(full.matrix);
    expect(full.flattened).toEqual(flat.flattened);
  });

  it('Similarity across two sets: setA × setB, whatever the dataset', async () => {
    const setA = ['Staff were kind', 'Cold food'];
    const setB = ['staff', 'food', 'rides'];
    const sim = (await run(new Similarity({ setA, setB }))).get('similarity') as SimilarityResult;
    expect(sim.texts).toEqual(setA);
    expect(sim.matrix.map((row) => row.length)).toEqual([3, 3]);
    expect(sim.mostSimilar(0, 1)[0]!.text).toBe(setB[sim.mostSimilar(0, 1)[0]!.index]);
  });

  it('ThemeAllocation singleLabel: false gives every theme at or above the threshold per text', async () => {
    const themes = ['Staff', 'Food', 'Rides', 'Queues'];
    const results = await run(
      new ThemeAllocation({ themes, threshold: -1, singleLabel: false, name: 'multi' }),
      new ThemeAllocation({ themes, threshold: -1, name: 'single' }),
    );
    expect((results.get('multi') as ThemeAllocationResult).assignments().map((a) => a.themes.length)).toEqual([4, 4, 4, 4]);
    expect((results.get('single') as ThemeAllocationResult).assignments().map((a) => a.themes.length)).toEqual([1, 1, 1, 1]);
    expect(String((results.get('multi') as ThemeAllocationResult).toRows()[0]!.theme).split('; ')).toHaveLength(4);
  });

  it('ThemeGeneration interactive with initialSets: 2 (model 2025-09-01) gives two theme sets', async () => {
    const generated = (await run(new ThemeGeneration({ interactive: true, initialSets: 2, maxThemes: 3, version: '2025-09-01' }))).get('themeGeneration') as ThemeGenerationResult;
    expect(generated.themeSets).toHaveLength(2);
  });
});
