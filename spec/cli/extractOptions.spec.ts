import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordProxy, startEmulator, type Cassette, type Emulator, type RecordProxy } from 'pulse-rx/emulator';
import { pulse } from '../helpers/runCli';

const SAMPLE = join(__dirname, '..', '..', 'examples', 'data', 'park-reviews.csv');

describe('pulse extract: --dictionary, --type, --category and --expand-dictionary', () => {
  const saved = { ...process.env };
  const dir = mkdtempSync(join(tmpdir(), 'pulse-extract-'));
  const file = join(dir, 'reviews.txt');
  let emulator: Emulator;
  let recorder: RecordProxy;
  /** The bodies of the requests the CLI sent, as recorded by the proxy in front of the emulator. */
  const sent = (path: string) => {
    const cassette = JSON.parse(readFileSync(recorder.file, 'utf8')) as Cassette;
    return cassette.interactions.filter((i) => i.request.path.endsWith(path)).map((i) => JSON.parse(i.request.body) as Record<string, unknown>);
  };
  const requests = () => {
    try {
      return (JSON.parse(readFileSync(recorder.file, 'utf8')) as Cassette).interactions.length;
    } catch {
      return 0;
    }
  };

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, requireAuth: false });
    recorder = await recordProxy({ dir, upstream: emulator.url });
    process.env.PULSE_BASE_URL = recorder.url;
    process.env.PULSE_TOKEN = 'test-token';
    delete process.env.PULSE_CLIENT_ID;
    writeFileSync(file, [
      'The queues were far too long', 'Lovely staff at Disney', 'Food was cold and pricey', 'Great rides for the kids',
      'Parking was a nightmare', 'Clean toilets everywhere', 'The staff were rude at the gate', 'Long queues for every ride',
    ].join('\n'));
  });
  afterAll(async () => {
    process.env = saved;
    await recorder.close();
    await emulator.close();
  });

  it('--dictionary is extracted as is (no theme generation); the other options reach the request', async () => {
    const run = await pulse('extract', file, '--dictionary', 'queues, staff,food', '--type', 'named-entities', '--category', 'park',
      '--expand-dictionary', '--expand-dictionary-limit', '0', '--json', '--quiet');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const doc = JSON.parse(run.stdout) as { results: Record<string, { dictionary: string[] }> };
    expect(Object.keys(doc.results)).toEqual(['themeExtraction']);
    expect(doc.results.themeExtraction!.dictionary).toEqual(['queues', 'staff', 'food']);
    expect(sent('/themes')).toHaveLength(0);
    expect(sent('/extractions')).toEqual([expect.objectContaining({
      dictionary: ['queues', 'staff', 'food'], type: 'named-entities', category: 'park', expand_dictionary: true, expand_dictionary_limit: 0,
    })]);
  });

  it('--dictionary alone leaves the type to the service; generated themes are sent with type themes', async () => {
    expect((await pulse('extract', file, '--dictionary', 'queues,staff,food', '--quiet')).code).toBe(0);
    expect(sent('/extractions').at(-1)).not.toHaveProperty('type');
    const generated = await pulse('extract', SAMPLE, '--column', 'comment', '--min-themes', '3', '--type', 'named-entities', '--expand-dictionary', '--quiet');
    expect(generated).toMatchObject({ code: 0, stderr: '' });
    expect(sent('/themes').length).toBeGreaterThan(0);
    expect(sent('/extractions').at(-1)).toMatchObject({ type: 'named-entities', expand_dictionary: true });
  });

  it.each([
    [['--dictionary', 'a,b,c', '--themes', 'x,y,z'], '--dictionary and --themes cannot be combined'],
    [['--dictionary', 'a,b,c', '--max-themes', '4'], 'do not apply with --dictionary'],
    [['--dictionary', 'queues, ,staff'], '--dictionary takes 3 to 200 terms (A,B,C), not 2'],
    [['--type', 'entities'], '--type must be themes, named-entities'],
    [['--expand-dictionary'], '--expand-dictionary does not apply with --type themes'],
    [['--dictionary', 'a,b,c', '--type', 'themes', '--expand-dictionary'], '--expand-dictionary does not apply with --type themes'],
    [['--dictionary', 'a,b,c', '--expand-dictionary-limit', '5'], '--expand-dictionary-limit applies with --expand-dictionary'],
    [['--dictionary', 'a,b,c', '--expand-dictionary', '--expand-dictionary-limit', 'many'], '--expand-dictionary-limit must be a whole number'],
  ])('%j is a usage error (exit 2) before any request', async (options, message) => {
    const before = requests();
    const run = await pulse('extract', file, ...options);
    expect([run.code, run.stderr]).toEqual([2, expect.stringContaining(message)]);
    expect(requests()).toBe(before);
  });

  it('the extraction options belong to extract only', async () => {
    const run = await pulse('themes', file, '--dictionary', 'a,b,c');
    expect([run.code, run.stderr]).toEqual([2, expect.stringContaining('--dictionary does not apply to pulse themes')]);
  });
});
