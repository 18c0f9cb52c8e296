import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom } from 'rxjs';
import type { SentimentResponse } from 'pulse-rx';
import { FileRunStore } from 'pulse-rx/node';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { emulatorClient } from '../helpers/emulatorClient';
import { runInChild } from '../helpers/crashRun';
import { runTexts } from '../helpers/sentimentRun';

const TEXTS = 20_000; // as jobs: 4 parts of 5,000
const posts = (emulator: Emulator) => emulator.journal().filter((e) => e.method === 'POST' && e.path.endsWith('/sentiment'));

describe('a run killed with SIGKILL mid-run resumes from its FileRunStore record', () => {
  let emulator: Emulator;
  let dir: string;
  beforeAll(async () => {
    // Jobs long enough that no part finishes (and frees a slot for the next) before the kill,
    // however late a loaded machine delivers the child's output.
    emulator = await startEmulator({ jobDurationMs: 3000 });
    dir = mkdtempSync(join(tmpdir(), 'pulse-runs-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await emulator.close();
  });

  it('resubmits nothing that was submitted and yields the uninterrupted result', async () => {
    const uninterrupted = await firstValueFrom(emulatorClient(emulator).analyzeSentiment({ inputs: runTexts(TEXTS), fast: false }));
    emulator.reset();
    const run = { dir, id: 'crash-1', texts: TEXTS, concurrency: 2 };
    // Killed once both slots hold an accepted (and recorded) part: no submission is in flight.
    const crashed = await runInChild(emulator, run, (_line, lines) => lines.filter((l) => l.type === 'submitted').length === 2);
    expect(crashed.signal).toBe('SIGKILL');
    expect(crashed.lines.some((l) => l.type === 'result')).toBe(false);
    const record = JSON.parse(readFileSync(new FileRunStore(dir).pathOf('crash-1'), 'utf8')) as { parts: Record<string, unknown> };
    expect(Object.keys(record.parts).sort()).toEqual(['0', '1']);
    expect(posts(emulator)).toHaveLength(2);

    const store = new FileRunStore(dir);
    const resumed = await firstValueFrom(
      emulatorClient(emulator).analyzeSentiment({ inputs: runTexts(TEXTS), fast: false }, { run: { store, id: 'crash-1' } }),
    );
    expect((resumed as SentimentResponse).results).toEqual(uninterrupted.results);
    const keys = posts(emulator).map((e) => e.idempotencyKey);
    expect(keys).toHaveLength(4);
    expect(new Set(keys).size).toBe(4);
    expect(keys.sort()).toEqual(['crash-1.part-0', 'crash-1.part-1', 'crash-1.part-2', 'crash-1.part-3']);
  }, 120_000);
});
