import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { firstValueFrom } from 'rxjs';
import {
  Analyzer,
  PulseValidationError,
  SentimentProcess,
  ThemeAllocation,
  compareSimilarity,
  generateDataDictionary,
  renderHtmlReport,
  similarityHeatmapSvg,
  themeBarsSvg,
  type AnalysisResults,
  type PulseClient,
} from 'pulse-rx';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { writeResultsXlsx } from 'pulse-rx/node';
import { emulatorClient } from '../helpers/emulatorClient';
import { failure } from '../helpers/failure';

const texts = [
  'The staff were rude and slow',
  'Rides were great fun for the kids',
  'Food was cold and overpriced',
  '=HYPERLINK("http://evil") staff were lovely',
  'Lunch was bland but the staff helped',
];

describe('result helpers (emulator)', () => {
  let emulator: Emulator;
  let client: PulseClient;
  let results: AnalysisResults;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    client = emulatorClient(emulator);
    const processes = [new SentimentProcess(), new ThemeAllocation({ themes: ['Staff', '<b>Food</b>', 'Rides'] })];
    results = await firstValueFrom(new Analyzer({ dataset: texts, processes, client }).run());
  });
  afterAll(async () => {
    client.close();
    await emulator.close();
  });

  it('DataDictionaryResult: variable labels, categories and value labels of the DDI codebook', async () => {
    const rows = [['Age', 'Satisfaction'], ['34', 'satisfied'], ['51', 'very dissatisfied'], ['29', 'satisfied'], ['40', 'neutral']];
    const dictionary = await firstValueFrom(generateDataDictionary(rows, { client }));
    expect(dictionary.labels).toEqual({ AGE: 'Age', SATISFACTION: 'Satisfaction' });
    expect(dictionary.categoriesOf('SATISFACTION').map((c) => c.code)).toEqual(['very dissatisfied', 'neutral', 'satisfied']);
    expect(dictionary.valueLabels('SATISFACTION')).toEqual({ 'very dissatisfied': 'very dissatisfied', neutral: 'neutral', satisfied: 'satisfied' });
    expect(dictionary.categoriesOf('AGE')).toEqual([]);
    expect(dictionary.valueDomains.map((d) => d.valueDomainId)).toEqual(['vd.satisfaction']);
    expect(dictionary.categories).toHaveLength(3);
  });

  it('sentimentByTheme: per theme, its texts by sentiment; every text counted once (single label)', () => {
    const table = results.sentimentByTheme();
    const allocation = results.themeAllocation!.assignSingle();
    const sentiment = results.sentiment!.results;
    expect(table.map((r) => r.theme)).toEqual(['Staff', '<b>Food</b>', 'Rides', null]);
    table.forEach((row) => {
      const members = allocation.filter((a) => a.theme === row.theme);
      expect(row.total).toBe(members.length);
      for (const s of ['positive', 'negative', 'neutral', 'mixed'] as const) {
        expect(row.counts[s]).toBe(members.filter((m) => sentiment[m.index]!.sentiment === s).length);
      }
    });
    expect(table.reduce((n, r) => n + r.total, 0)).toBe(texts.length);
  });

  it('sentimentByTheme needs both results, by name', () => {
    expect(() => results.sentimentByTheme({ sentiment: 'nope' })).toThrow(PulseValidationError);
  });

  it('the HTML report has a sentiment-by-theme section, labels escaped', () => {
    const html = renderHtmlReport(results, { generatedAt: new Date(0) });
    const section = html.slice(html.indexOf('<section id="sentiment-by-theme">'));
    expect(section).toContain('<h2>Sentiment by theme</h2>');
    expect(section).toContain('&lt;b&gt;Food&lt;/b&gt;');
    expect(section).not.toContain('<b>Food</b>');
  });

  it('standalone SVG charts: theme bars and a similarity heatmap, texts escaped', async () => {
    const bars = themeBarsSvg(results.themeAllocation!);
    expect(bars.startsWith('<?xml')).toBe(true);
    expect(bars).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(bars).toContain('&lt;b&gt;Food&lt;/b&gt;');
    expect(bars).not.toMatch(/<script|<b>/);
    const sim = await firstValueFrom(compareSimilarity(texts, { client }));
    const heat = similarityHeatmapSvg(sim);
    expect(heat.match(/<rect /g)).toHaveLength(texts.length * texts.length);
    expect(() => similarityHeatmapSvg(sim, { cell: 0 })).toThrow(PulseValidationError);
  });

  it('writeResultsXlsx: one sheet per result and the cross-tab; a formula-like text stays text', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'pulse-rx-out-')), 'results.xlsx');
    expect(await firstValueFrom(writeResultsXlsx(results, path))).toBe(path);
    const workbook = await new ExcelJS.Workbook().xlsx.readFile(path);
    expect(workbook.worksheets.map((s) => s.name).sort()).toEqual(['sentiment', 'sentimentByTheme', 'themeAllocation']);
    const sentiment = workbook.getWorksheet('sentiment')!;
    expect(sentiment.rowCount).toBe(texts.length + 1);
    const header = (sentiment.getRow(1).values as unknown[]).slice(1);
    const cell = sentiment.getRow(5).getCell(header.indexOf('text') + 1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(texts[3]);
  });

  it('writeResultsXlsx checks its path before writing anything', async () => {
    expect((await failure<PulseValidationError>(firstValueFrom(writeResultsXlsx(results, 'out.csv')))).field).toBe('path');
  });
});
