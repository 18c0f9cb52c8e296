import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { installedPackage } from './installedPackage';

const repo = join(__dirname, '..', '..');
const table = join(repo, 'examples', 'data', 'wordTable.bin');

/**
 * The installed package's emulator with its optional language engine (wink-nlp and its model
 * installed beside pulse-rx) reads the word table and the trained sentiment model from where
 * PULSE_EMULATOR_WORD_TABLE points, from CommonJS and from ESM; without them the rules answer.
 */
const script = (load: string) => `${load}
(async () => {
  const emulator = await startEmulator({ port: 0, requireAuth: false });
  const health = await (await fetch(emulator.url + '/health')).json();
  const body = JSON.stringify({ inputs: ['Charged twice for one order.', 'The staff were lovely.'], fast: true });
  const reply = await (await fetch(emulator.url + '/sentiment', { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json();
  console.log(JSON.stringify({ version: health.version, sentiments: reply.results.map((r) => r.sentiment) }));
  await emulator.close();
})();
`;

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(installedPackage().dir, 'language-'));
  writeFileSync(join(work, 'engine.cjs'), script("const { startEmulator } = require('pulse-rx/emulator');"));
  writeFileSync(join(work, 'engine.mjs'), script("import { startEmulator } from 'pulse-rx/emulator';"));
}, 300_000);

const run = (file: string, wordTable: string) =>
  JSON.parse(execFileSync(process.execPath, [join(work, file)], { cwd: work, encoding: 'utf8', env: { ...process.env, PULSE_EMULATOR_WORD_TABLE: wordTable } })) as unknown;

describe('the installed emulator language engine', () => {
  it.each(['engine.cjs', 'engine.mjs'])('%s: the trained sentiment model beside the word table decides', (file) => {
    expect(run(file, table)).toEqual({
      version: 'pulse-rx-emulator (engine: wink+glove; sentiment: model)',
      sentiments: ['negative', 'positive'],
    });
  });

  it('without the word table and the model beside it, wink-nlp and the rules answer', () => {
    expect(run('engine.cjs', '')).toMatchObject({ version: 'pulse-rx-emulator (engine: wink; sentiment: rules)' });
  });
});
