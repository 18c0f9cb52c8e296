import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pulse } from '../helpers/runCli';

const SAMPLE = join(__dirname, '..', '..', 'examples', 'data', 'park-reviews.csv');

describe('pulse: the other analyses, estimate, budget and --json (embedded emulator, no credentials)', () => {
  const saved = { ...process.env };
  beforeEach(() => {
    for (const name of ['PULSE_BASE_URL', 'PULSE_TOKEN', 'PULSE_CLIENT_ID', 'PULSE_CLIENT_SECRET']) delete process.env[name];
    process.env.PULSE_CONFIG_DIR = dir; // no stored login here
  });
  afterAll(() => {
    process.env = saved;
  });
  const dir = mkdtempSync(join(tmpdir(), 'pulse-cmds-'));
  const small = join(dir, 'small.txt');
  writeFileSync(small, ['The queues were far too long', 'Lovely staff, very helpful', 'Food was cold and pricey', 'Great rides for kids', 'Parking was a nightmare', 'Clean toilets everywhere'].join('\n'));
  const json = <T>(stdout: string) => JSON.parse(stdout) as T;

  it('summarize: --question, --length and --preset reach the request; --json gives the result', async () => {
    const run = await pulse('summarize', SAMPLE, '--column', 'comment', '--question', 'What do visitors dislike?', '--length', 'short', '--json', '--quiet');
    expect(run.code).toBe(0);
    const doc = json<{ command: string; texts: { analysed: number }; results: { summary: { summary: string } } }>(run.stdout);
    expect(doc.command).toBe('summarize');
    expect(doc.texts.analysed).toBe(280);
    expect(doc.results.summary.summary.length).toBeGreaterThan(0);
    const human = await pulse('summarize', small, '--preset', 'one-tweet', '--quiet');
    expect(human.stdout).toMatch(/^texts: 6 analysed, 0 blank rows skipped\nsummary:\n.+\n$/);
    const bad = await pulse('summarize', small, '--length', 'huge');
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('--length must be bullet-points, short, medium, long')]);
  });

  it('cluster: --k and --algorithm; --out writes the rows', async () => {
    const out = join(dir, 'clusters.csv');
    const run = await pulse('cluster', SAMPLE, '--column', 'comment', '--k', '3', '--algorithm', 'kmeans', '--out', out, '--quiet');
    expect(run.code).toBe(0);
    expect(readFileSync(out, 'utf8').split('\r\n')[0]).toMatch(/cluster/i);
    const human = await pulse('cluster', small, '--k', '2', '--quiet');
    expect([...human.stdout.matchAll(/^ {2}cluster \d+\s+(\d+) texts?$/gm)].reduce((n, m) => n + Number(m[1]), 0)).toBe(6);
    const bad = await pulse('cluster', small, '--algorithm', 'dbscan');
    expect(bad.code).toBe(2);
  });

  it('extract: --themes as the dictionary (or generated themes)', async () => {
    const run = await pulse('extract', small, '--themes', 'Queues,Staff,Food', '--json', '--quiet');
    expect(run.code).toBe(0);
    const doc = json<{ results: { themeExtraction: { dictionary: string[] } } }>(run.stdout);
    expect(doc.results.themeExtraction.dictionary).toEqual(expect.arrayContaining(['Queues', 'Staff', 'Food']));
    const generated = await pulse('extract', SAMPLE, '--column', 'comment', '--max-themes', '4', '--quiet');
    expect(generated.code).toBe(0);
    expect(generated.stdout).toContain('matches:');
  });

  it('similarity (self, or --against another file) and embed: a summary on stdout, the numbers in --out', async () => {
    const similarity = await pulse('similarity', small, '--quiet');
    expect(similarity.stdout).toContain('similarity: a 6 x 6 matrix');
    const pairs = join(dir, 'pairs.json');
    expect((await pulse('similarity', small, '--out', pairs, '--quiet')).code).toBe(0);
    expect(JSON.parse(readFileSync(pairs, 'utf8'))).toHaveLength(15); // 6 * 5 / 2 pairs
    const other = join(dir, 'other.jsonl');
    writeFileSync(other, ['{"text":"Long waits at every ride"}', '{"text":"The staff smiled"}'].join('\n'));
    const cross = await pulse('similarity', small, '--against', other, '--json', '--quiet');
    expect(cross.code).toBe(0);
    const matrix = json<{ results: { similarity: { matrix: number[][] } } }>(cross.stdout).results.similarity.matrix;
    expect([matrix.length, matrix[0]!.length]).toEqual([6, 2]);
    expect((await pulse('similarity', small, '--against', join(dir, 'nowhere.txt'))).code).toBe(2);
    const embed = await pulse('embed', small, '--quiet');
    expect(embed.stdout).toContain('embeddings: 6 vectors of 3072 dimensions');
  });

  it('dictionary: every column of a CSV, --title reaching the codebook; --budget counts its cells', async () => {
    const run = await pulse('dictionary', SAMPLE, '--title', 'Park survey', '--json', '--quiet');
    expect(run.code).toBe(0);
    const doc = json<{ rows: number; results: { dataDictionary: { codebook: { title: string; variables: { sourceColumns: string }[] } } } }>(run.stdout);
    expect(doc.rows).toBe(280);
    expect(doc.results.dataDictionary.codebook.title).toBe('Park survey');
    expect(doc.results.dataDictionary.codebook.variables.map((v) => v.sourceColumns)).toEqual(['id', 'date', 'channel', 'comment']);
    const over = await pulse('dictionary', SAMPLE, '--budget', '1');
    expect([over.code, over.stderr]).toEqual([1, expect.stringContaining('BudgetExceededError')]);
  });

  it('dictionary of texts: --title and the other codebook options', async () => {
    const run = await pulse('dictionary', small, '--title', 'Park survey', '--language', 'en', '--header', 'comment', '--quiet');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('data dictionary:');
    const bad = await pulse('dictionary', small, '--language', 'english');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('language');
  });

  it('estimate: the credits of an analysis, before paying (--feature, --json)', async () => {
    const run = await pulse('estimate', SAMPLE, '--column', 'comment', '--quiet');
    expect([run.code, run.stdout]).toEqual([0, 'estimate: sentiment of 280 texts: 280 credits\n']);
    const doc = json<{ feature: string; credits: number; texts: number }>((await pulse('estimate', small, '--feature', 'themes', '--json')).stdout);
    expect(doc).toMatchObject({ feature: 'themes', texts: 6, credits: 6 });
    expect((await pulse('estimate', small, '--feature', 'magic')).code).toBe(2);
  });

  it('--budget: over the estimate exits 1 naming both, and writes nothing', async () => {
    const out = join(dir, 'never.csv');
    const run = await pulse('sentiment', SAMPLE, '--column', 'comment', '--budget', '100', '--out', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('BudgetExceededError: estimated 280 credits, over the budget of 100');
    expect(existsSync(out)).toBe(false);
    const within = await pulse('sentiment', small, '--budget', '6', '--json', '--quiet');
    expect(within.code).toBe(0);
    expect(json<{ results: { sentiment: { results: unknown[] } } }>(within.stdout).results.sentiment.results).toHaveLength(6);
  });

  it('--help: the whole table, and each command\'s own options', async () => {
    const help = await pulse('--help');
    for (const name of ['sentiment', 'summarize', 'cluster', 'extract', 'similarity', 'embed', 'dictionary', 'estimate', 'workflow', 'login', 'logout', 'completion']) {
      expect(help.stdout).toMatch(new RegExp(`^ {2}${name} `, 'm'));
    }
    const cluster = await pulse('cluster', '--help');
    expect(cluster.stdout).toContain('Usage: pulse cluster FILE [options]');
    expect(cluster.stdout).toContain('--k N');
    expect(cluster.stdout).not.toContain('--question');
  });

  it('help reads as typed: optional FILE in brackets, no run-on columns; -v and the hint name the command', async () => {
    const help = (await pulse('--help')).stdout;
    expect(help).toMatch(/^ {2}workflow run PIPELINE \[FILE\] +run a pipeline file/m);
    // A left column too wide for its padding puts the text on the next line, never one space after it.
    const lines = help.split('\n');
    const rows = lines.flatMap((line, i) => (/^ {2}\S/.test(line) ? [`${line}\n${lines[i + 1]!}`] : []));
    expect(rows.length).toBeGreaterThan(40);
    for (const r of rows) expect(r).toMatch(/^ {2}\S.*? {2,}\S|^ {2}\S[^\n]*\n {26,}\S/);
    expect(help).toMatch(/^ {2}jobs status\|wait\|resume ID\|RUN\.json\n {33}status, wait or resume/m);
    expect((await pulse('login', '--help')).stdout).toContain('Usage: pulse login [options]');
    expect((await pulse('workflow', '--help')).stdout).toContain('Usage: pulse workflow run PIPELINE [FILE] [options]');
    const version = await pulse('sentiment', '--version');
    expect([version.code, version.stdout]).toEqual([0, expect.stringMatching(/^\d+\.\d+\.\d+/)]);
    const missing = await pulse('completion');
    expect([missing.code, missing.stderr]).toEqual([2, 'pulse: error: pulse completion needs bash or zsh (pulse completion SHELL)\npulse: try pulse completion --help\n']);
    const unknown = await pulse('cluster', small, '--colour', 'red');
    expect(unknown.stderr).toBe('pulse: error: unknown option --colour (pulse cluster --help)\n');
    const typo = await pulse('cluster', small, '--colum', 'comment');
    expect([typo.code, typo.stderr]).toEqual([2, 'pulse: error: unknown option --colum; did you mean --column? (pulse cluster --help)\n']);
  });
});
