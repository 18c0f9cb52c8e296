import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { installedPackage } from './installedPackage';

/**
 * README.md runs. Every ```ts block is a module compiled (strict, no unused names) against
 * the installed tarball and executed after one preamble (spec/package/readme/preamble.mts:
 * an emulator, PULSE_* variables, the globals of globals.d.ts). A block preceded by
 * `<!-- fragment -->` is only type-checked.
 */
const repo = join(__dirname, '..', '..');

interface Block {
  line: number;
  code: string;
  fragment: boolean;
}

export function readmeBlocks(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```ts\s*$/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const start = i;
    const body: string[] = [];
    while (++i < lines.length && !/^\s*```\s*$/.test(lines[i]!)) body.push(lines[i]!.slice(indent));
    const before = lines.slice(Math.max(0, start - 2), start).join('\n');
    blocks.push({ line: start + 1, code: body.join('\n'), fragment: /<!--\s*fragment\s*-->/.test(before) });
  }
  return blocks;
}

const blocks = readmeBlocks(readFileSync(join(repo, 'README.md'), 'utf8'));
let work: string;

beforeAll(() => {
  const { dir } = installedPackage();
  work = mkdtempSync(join(dir, 'readme-'));
  cpSync(join(__dirname, 'readme'), work, { recursive: true });
  writeFileSync(join(work, 'package.json'), JSON.stringify({ type: 'module' }));
  const csv = readFileSync(join(repo, 'examples', 'data', 'park-reviews.csv'), 'utf8');
  writeFileSync(join(work, 'reviews.csv'), csv);
  const comments = csv.split(/\r?\n/).slice(1).filter(Boolean).map((row) => row.split(',').slice(3).join(',').replace(/^"|"$/g, ''));
  writeFileSync(join(work, 'reviews.json'), JSON.stringify(comments.slice(0, 100)));
  for (const b of blocks) writeFileSync(join(work, `readme-line-${b.line}.mts`), `${b.code}\nexport {};\n`);
  try {
    execFileSync(process.execPath, [join(dir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: work, encoding: 'utf8' });
  } catch (e) {
    throw new Error(`README blocks do not compile:\n${(e as { stdout: string }).stdout}`);
  }
}, 300_000);

describe('README.md', () => {
  it('has TypeScript blocks, each compiled', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(10);
  });

  const runnable = blocks.filter((b) => !b.fragment);
  it.each(runnable.map((b) => [b.line, b] as const))('the block at line %i runs against the emulator', (_line, b) => {
    const result = (() => {
      try {
        execFileSync(process.execPath, ['run.mjs', `readme-line-${b.line}.mjs`], { cwd: work, encoding: 'utf8', stdio: 'pipe' });
        return 'ok';
      } catch (e) {
        return (e as { stderr: string }).stderr;
      }
    })();
    expect(result).toBe('ok');
  });
});
