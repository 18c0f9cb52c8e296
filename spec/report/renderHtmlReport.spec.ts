import { AnalysisResults, renderHtmlReport, SentimentResult, ThemeAllocationResult, ThemeGenerationResult } from 'pulse-rx';

const HOSTILE = `"><img src=x onerror=alert(1)><script>alert(2)</script>' onmouseover='alert(3)`;

/** Every tag of the page: a known element with known attributes, each value quoted and free of markup. */
function injectedMarkup(html: string): string[] {
  const elements = /^(html|head|meta|title|style|body|header|h1|h2|h3|p|main|section|small|strong|span|article|blockquote|svg|text|rect|table|thead|tbody|tr|th|td|ul|li)$/;
  const attributes = /^(lang|charset|http-equiv|content|name|id|class|role|aria-label|viewBox|width|height|xmlns|x|y|text-anchor|rx|fill)$/;
  const problems: string[] = [];
  for (const [tag] of html.matchAll(/<[^>]*>/g)) {
    if (tag === '<!doctype html>') continue;
    const m = /^<\/?([a-zA-Z0-9]+)((?:\s+[a-zA-Z-]+="[^"<>]*")*)\s*\/?>$/.exec(tag);
    if (!m || !elements.test(m[1]!)) {
      problems.push(tag);
      continue;
    }
    for (const [, attr] of m[2]!.matchAll(/\s+([a-zA-Z-]+)="/g)) if (!attributes.test(attr!)) problems.push(tag);
  }
  for (const [, cls] of html.matchAll(/class="([^"]*)"/g)) if (!/^[a-z ]*$/.test(cls!)) problems.push(`class="${cls}"`);
  return problems;
}

function results(label: string, theme: string) {
  const texts = ['Lovely staff', 'Endless queues', 'Cold chips', HOSTILE];
  return new AnalysisResults({
    themeGeneration: new ThemeGenerationResult(texts, {
      themes: [{ shortLabel: theme, label: theme, description: `31 of 280 responses; ${HOSTILE}`, representatives: [HOSTILE, 'x'] }, { shortLabel: 'Queues', label: 'Queues', description: 'Waiting', representatives: [] }],
    }),
    sentiment: new SentimentResult(texts, {
      results: texts.map((_, i) => ({ sentiment: (i === 3 ? label : 'positive') as 'positive', confidence: 0.9 })),
    }),
    themeAllocation: new ThemeAllocationResult(texts, { themes: [theme, 'Queues'], similarity: [[0.9, 0.1], [0.1, 0.8], [0.1, 0.1], [0.7, 0.2]] }, 0.5),
  });
}

describe('renderHtmlReport', () => {
  it('escapes every attribute and text: a hostile sentiment label, theme and text inject no markup', () => {
    const html = renderHtmlReport(results(HOSTILE, HOSTILE), { title: HOSTILE, subtitle: HOSTILE, generatedAt: new Date(0) });
    expect(injectedMarkup(html)).toEqual([]);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;'); // shown as text, not run
    // The checker itself catches the injection it looks for.
    expect(injectedMarkup(`<td class="">${HOSTILE}</td>`)).not.toEqual([]);
  });

  it('one count per theme, the same in the chart, the card and the table; "(no theme)" has its bar', () => {
    const html = renderHtmlReport(results('negative', 'Staff'), { generatedAt: new Date(0), lines: [2, 3, 5, 6] });
    const captions = [...html.matchAll(/<title>([^<]+): (\d+) texts? \((\d+)%\)<\/title>/g)].map((m) => [m[1], Number(m[2]), Number(m[3])]);
    const themes = captions.slice(-3);
    expect(themes).toEqual([
      ['Staff', 2, 50],
      ['Queues', 1, 25],
      ['(no theme)', 1, 25],
    ]);
    expect(themes.reduce((n, t) => n + (t[1] as number), 0)).toBe(4);
    expect(html).toContain('<h3>Staff <small>2 texts allocated, 50% of 4</small></h3>');
    expect(html).toContain('<h3>Queues <small>1 text allocated, 25% of 4</small></h3>');
    // The generator's own figures are quoted as its description, not shown as a second count.
    expect(html).toContain('<p><span class="muted">Description from theme generation:</span> 31 of 280 responses;');
    expect(html).toContain('3 texts (75%) with a theme, 1 text (25%) with none');
    // The table says where each text came from, and names texts without a theme the same way.
    expect(html).toContain('<th>Line</th>');
    expect(html).toContain('<tr><td>5</td><td>Cold chips</td><td class="positive">positive</td><td>(no theme)</td></tr>');
  });
});
