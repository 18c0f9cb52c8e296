import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { runPulse } from '../../src/cli/runPulse';

/**
 * Every command with every `fast` mode across the synchronous limit (200 texts), where the
 * client splits a call: the client alone decides, so nothing above it can guess wrong
 * (`--fast true` on 201 texts used to exit 2 with "observe is not available").
 */
const comments = readFileSync(join(__dirname, '..', '..', 'examples', 'data', 'park-reviews.csv'), 'utf8')
  .split(/\r?\n/)
  .slice(1)
  .filter(Boolean)
  .map((row) => row.split(',').slice(3).join(',').replace(/^"|"$/g, ''));
const dir = mkdtempSync(join(tmpdir(), 'pulse-fast-'));
const file = (n: number) => {
  const path = join(dir, `texts-${n}.txt`);
  writeFileSync(path, Array.from({ length: n }, (_, i) => `${comments[i % comments.length]} (${i})`).join('\n'));
  return path;
};
const quiet = () => new Writable({ write: (_c, _e, done) => done() });

async function pulse(...argv: string[]): Promise<{ code: number; rows: unknown[] }> {
  const out = join(dir, `out-${argv.join('-').replace(/[^a-z0-9-]/gi, '')}.json`);
  const code = await runPulse([...argv, '--out', out, '--quiet', '--emulator'], { stdout: quiet(), stderr: quiet() });
  return { code, rows: code === 0 ? (JSON.parse(readFileSync(out, 'utf8')) as unknown[]) : [] };
}

describe('pulse with --fast true, false and auto around the limits', () => {
  const modes = ['true', 'false', 'auto'];
  const at201 = file(201);
  it.each(['sentiment', 'themes', 'allocate', 'analyze'].flatMap((command) => modes.map((fast) => [command, fast])))(
    '%s --fast %s on 201 texts',
    async (command, fast) => {
      const themes = command === 'sentiment' ? [] : ['--max-themes', '4'];
      const { code, rows } = await pulse(command!, at201, '--fast', fast!, ...themes);
      expect(code).toBe(0);
      if (command === 'themes') expect(rows.length).toBeGreaterThanOrEqual(2);
      else expect(rows).toHaveLength(201);
    },
  );

  const one = file(1);
  const many = file(5001);
  it.each(modes.flatMap((fast) => [[1, fast, one], [5001, fast, many]] as const))('sentiment on %i texts, --fast %s', async (n, fast, path) => {
    const { code, rows } = await pulse('sentiment', path, '--fast', fast);
    expect(code).toBe(0);
    expect(rows).toHaveLength(n);
    expect((rows as { line: number }[]).map((r) => r.line)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
  });
});
