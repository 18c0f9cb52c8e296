import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { firstValueFrom, toArray } from 'rxjs';
import { PulseValidationError, SentimentResult } from 'pulse-rx';
import { startEmulator } from 'pulse-rx/emulator';
import { readTextRecords, readTexts, sentimentAnalysis } from 'pulse-rx/node';
import { emulatorClient } from '../helpers/emulatorClient';
import { failure } from '../helpers/failure';

const dir = mkdtempSync(join(tmpdir(), 'pulse-rx-xlsx-'));

async function workbook(name: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) wb.addWorksheet(sheet).addRows(rows);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

describe('spreadsheets (.xlsx) in pulse-rx/node', () => {
  let survey: string;
  beforeAll(async () => {
    survey = await workbook('survey.xlsx', {
      Summary: [['note'], ['not the comments']],
      Responses: [['id', 'comment', 'score'], [1, 'Great rides', 5], [2, '', 3], [3, 'Cold food', 1]],
    });
  });

  it('reads a named column of a named sheet, with row numbers and ids; blank cells are records, not texts', async () => {
    const records = await firstValueFrom(readTextRecords(survey, { sheet: 'Responses', column: 'comment', idColumn: 'id' }).pipe(toArray()));
    expect(records).toEqual([
      { text: 'Great rides', line: 2, id: '1' },
      { text: '', line: 3, id: '2' },
      { text: 'Cold food', line: 4, id: '3' },
    ]);
    expect(await firstValueFrom(readTexts(survey, { sheet: 1, column: 1 }).pipe(toArray()))).toEqual(['Great rides', 'Cold food']);
  });

  it('the first sheet by default', async () => {
    expect(await firstValueFrom(readTexts(survey, { column: 'note' }).pipe(toArray()))).toEqual(['not the comments']);
  });

  it.each([
    ['an unknown sheet name', { sheet: 'Nope', column: 0 }, 'sheet', /sheets: Summary, Responses/],
    ['a sheet number past the last', { sheet: 5, column: 0 }, 'sheet', /sheet 5/],
    ['a bad sheet option', { sheet: -1 }, 'sheet', /sheet name or a 0-based/],
    ['an unknown column', { sheet: 'Responses', column: 'text' }, 'column', /columns: id, comment, score/],
  ])('%s is a PulseValidationError naming the option', async (_label, options, field, message) => {
    const error = await failure<PulseValidationError>(firstValueFrom(readTexts(survey, options).pipe(toArray())));
    expect(error).toBeInstanceOf(PulseValidationError);
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it('a file that is not a workbook, or no file, is a PulseValidationError on path', async () => {
    const notXlsx = join(dir, 'fake.xlsx');
    writeFileSync(notXlsx, 'just text');
    expect((await failure<PulseValidationError>(firstValueFrom(readTexts(notXlsx)))).field).toBe('path');
    expect((await failure<PulseValidationError>(firstValueFrom(readTexts(join(dir, 'none.xlsx'))))).field).toBe('path');
  });

  it('the starters of pulse-rx/node take a spreadsheet path (emulator)', async () => {
    const emulator = await startEmulator({ port: 0 });
    const client = emulatorClient(emulator);
    try {
      const result = await firstValueFrom(sentimentAnalysis(survey, { client, sheet: 'Responses', column: 'comment' }));
      expect(result).toBeInstanceOf(SentimentResult);
      expect(result.texts).toEqual(['Great rides', 'Cold food']);
    } finally {
      client.close();
      await emulator.close();
    }
  });
});
