import type { AnalysisResults } from '../analysis/AnalysisResults';
import { SENTIMENTS, type Sentiment } from '../analysis/results/SentimentResult';
import { barChart, escapeHtml } from './html';
import { sentimentByThemeSection } from './sentimentByThemeSection';
import { pct, texts as count, themeSection } from './themeSection';

/** Options of `renderHtmlReport`. */
export interface HtmlReportOptions {
  /** @default 'Pulse analysis report' */
  title?: string;
  /** Shown under the title, e.g. the data source. */
  subtitle?: string;
  /** Representative quotes per theme. @default 3 */
  quotes?: number;
  /** @default new Date() */
  generatedAt?: Date;
  /** The source line of each text (e.g. `TextRecord.line`), shown in the per-text table instead of its position. */
  lines?: readonly number[];
}

const COLOURS: Record<Sentiment, string> = { positive: '#2e9d5b', negative: '#d0453b', neutral: '#8a94a6', mixed: '#e0a12b' };

/**
 * A self-contained HTML report of an analysis: sentiment distribution, themes with their
 * shares and representative quotes, sentiment by theme, and a per-text table. Charts are inline SVG; there is
 * no script and no external resource (a Content-Security-Policy forbids them), so the
 * file opens offline and texts cannot inject anything.
 *
 * @example
 * const results = await firstValueFrom(analyzer.run());
 * writeFileSync('report.html', renderHtmlReport(results, { title: 'Park reviews, summer 2026' }));
 */
export function renderHtmlReport(results: AnalysisResults, options: HtmlReportOptions = {}): string {
  const title = options.title ?? 'Pulse analysis report';
  const sentiment = results.sentiment;
  const allocation = results.themeAllocation;
  const texts = sentiment?.texts ?? allocation?.texts ?? results.themeGeneration?.texts ?? [];
  const sections: string[] = [];

  if (sentiment) {
    const s = sentiment.summary();
    const bars = SENTIMENTS.map((label) => ({ label, value: s.counts[label], caption: `${count(s.counts[label])} (${pct(s.shares[label])})`, colour: COLOURS[label] }));
    sections.push(
      `<section id="sentiment"><h2>Sentiment</h2><p>${count(s.total)}; mostly <strong>${escapeHtml(s.dominant ?? 'none')}</strong>; mean confidence ${s.meanConfidence.toFixed(2)}.</p>${barChart(bars, { title: 'Sentiment distribution' })}</section>`,
    );
  }

  const themes = themeSection(results, options.quotes ?? 3);
  if (themes) sections.push(themes);
  const crossTab = sentimentByThemeSection(results);
  if (crossTab) sections.push(crossTab);

  if (texts.length) {
    const single = allocation?.assignSingle();
    const rows = texts.map((text, i) => {
      const s = sentiment?.results[i];
      const theme = single?.[i]?.theme;
      const label = s?.sentiment ?? '';
      // Every attribute is escaped, and a class is only ever one of the known labels.
      const cls = (SENTIMENTS as readonly string[]).includes(label) ? label : 'unknown';
      return `<tr><td>${options.lines?.[i] ?? i + 1}</td><td>${escapeHtml(text)}</td>${sentiment ? `<td class="${escapeHtml(cls)}">${escapeHtml(label)}</td>` : ''}${allocation ? `<td>${escapeHtml(theme ?? '(no theme)')}</td>` : ''}</tr>`;
    });
    const head = `<tr><th>${options.lines ? 'Line' : '#'}</th><th>Text</th>${sentiment ? '<th>Sentiment</th>' : ''}${allocation ? '<th>Theme</th>' : ''}</tr>`;
    sections.push(`<section id="texts"><h2>Every text</h2><table><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></section>`);
  }

  const generated = (options.generatedAt ?? new Date()).toISOString();
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style></head>
<body><header><h1>${escapeHtml(title)}</h1>${options.subtitle ? `<p class="muted">${escapeHtml(options.subtitle)}</p>` : ''}<p class="muted">${count(texts.length)} · generated ${escapeHtml(generated)} by pulse-rx</p></header>
<main>${sections.join('\n')}</main></body></html>
`;
}

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2330;background:#f6f7fb}
header{background:#1d2b4f;color:#fff;padding:24px 32px}header .muted{color:#c7cfe4}
h1{margin:0 0 4px;font-size:26px}main{max-width:1000px;margin:0 auto;padding:16px 32px 48px}
section{background:#fff;border-radius:8px;padding:16px 24px;margin:20px 0;box-shadow:0 1px 3px rgba(0,0,0,.08)}
h2{margin-top:0}.muted{color:#6b7385}.chart{max-width:100%;height:auto;font-size:13px;fill:#1d2330}
article.theme{border-top:1px solid #e6e8ef;padding-top:8px}article.theme small{color:#6b7385;font-weight:normal}
blockquote{margin:6px 0;padding:4px 12px;border-left:3px solid #3b6fd0;color:#333;background:#f3f6fd}
table{border-collapse:collapse;width:100%;font-size:14px}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #eceef3;vertical-align:top}
td.positive{color:#2e9d5b}td.negative{color:#d0453b}td.mixed{color:#b07a10}td.neutral{color:#6b7385}
`;
