import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { pulse } from '../helpers/runCli';

const dir = mkdtempSync(join(tmpdir(), 'pulse-cli-xlsx-'));

async function workbook(name: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) wb.addWorksheet(sheet).addRows(rows);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

describe('pulse reads .xlsx files (--sheet, --column or the column of free text)', () => {
  const saved = { ...process.env };
  let survey: string;
  beforeAll(async () => {
    for (const name of ['PULSE_BASE_URL', 'PULSE_TOKEN', 'PULSE_CLIENT_ID', 'PULSE_CLIENT_SECRET']) delete process.env[name];
    process.env.PULSE_CONFIG_DIR = dir; // no stored login: the embedded emulator
    survey = await workbook('survey.xlsx', {
      Summary: [['note'], ['not the comments']],
      Responses: [
        ['id', 'date', 'comment', 'score'],
        [101, '2026-06-01', 'The queues were far too long', 5],
        [102, '2026-06-02', '', 3],
        [103, '2026-06-03', 'Lovely staff, very helpful', 1],
      ],
    });
  });
  afterAll(() => {
    process.env = saved;
  });
  type Rows = { id?: string; text: string }[];

  it('--sheet NAME: the column of free text is picked by content, and said', async () => {
    const out = join(dir, 'picked.json');
    const run = await pulse('sentiment', survey, '--sheet', 'Responses', '--id-column', 'id', '--out', out);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('survey.xlsx: column "comment" of sheet "Responses" (picked by content among id, date, comment, score');
    const rows = JSON.parse(readFileSync(out, 'utf8')) as Rows;
    expect(rows.map((r) => [r.id, r.text])).toEqual([['101', 'The queues were far too long'], ['103', 'Lovely staff, very helpful']]);
  });

  it('--sheet by number and --column by name; without --sheet the first sheet is read', async () => {
    const out = join(dir, 'chosen.json');
    expect((await pulse('sentiment', survey, '--sheet', '1', '--column', 'comment', '--out', out, '--quiet')).code).toBe(0);
    expect((JSON.parse(readFileSync(out, 'utf8')) as Rows).map((r) => r.text)).toEqual(['The queues were far too long', 'Lovely staff, very helpful']);
    const first = await pulse('sentiment', survey, '--json', '--quiet');
    expect(first.code).toBe(0);
    expect((JSON.parse(first.stdout) as { texts: { analysed: number } }).texts.analysed).toBe(1); // Summary's one text
  });

  it('mistakes are usage errors (exit 2): a missing sheet, --sheet or --field on other formats', async () => {
    const missing = await pulse('sentiment', survey, '--sheet', 'Answers');
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('"Answers" is not a sheet of')]);
    expect(missing.stderr).toContain('sheets: Summary, Responses');
    const field = await pulse('sentiment', survey, '--field', 'comment');
    expect([field.code, field.stderr]).toEqual([2, expect.stringContaining('--field applies to .jsonl files; for CSV/TSV/XLSX use --column')]);
    const text = join(dir, 'plain.txt');
    writeFileSync(text, 'one\ntwo\n');
    const sheet = await pulse('sentiment', text, '--sheet', 'Responses');
    expect([sheet.code, sheet.stderr]).toEqual([2, expect.stringContaining('--sheet applies to .xlsx files')]);
  });
});
