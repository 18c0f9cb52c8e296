import type { AnalysisResults } from '../analysis/AnalysisResults';
import { barChart, escapeHtml } from './html';

/** How a share is printed everywhere in the report. */
export function pct(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** `1 text`, `35 texts`. */
export function texts(n: number): string {
  return `${n} ${n === 1 ? 'text' : 'texts'}`;
}

/**
 * The themes section. One count per theme, the allocation's (each text goes to its best
 * theme at or above the threshold), used by the chart, the cards and the per-text table
 * alike; the texts that fit no theme have their own bar, so the bars add up to every text.
 * A generated description is quoted as such: any figures in it are the generator's.
 */
export function themeSection(results: AnalysisResults, quotes: number): string {
  const allocation = results.themeAllocation;
  if (!allocation) {
    if (!results.themeGeneration) return '';
    const items = results.themeGeneration.themes.map((t) => `<li><strong>${escapeHtml(t.shortLabel)}</strong>: ${escapeHtml(t.description)}</li>`);
    return `<section id="themes"><h2>Themes</h2><ul>${items.join('')}</ul></section>`;
  }
  const { groups, unassigned } = allocation.byTheme();
  const total = allocation.similarity.length;
  const share = (n: number) => pct(total ? n / total : 0);
  const sorted = [...groups].sort((a, b) => b.members.length - a.members.length);
  const bars = [
    ...sorted.map((t) => ({ label: t.theme, value: t.members.length, caption: `${texts(t.members.length)} (${share(t.members.length)})`, colour: '#3b6fd0' })),
    { label: '(no theme)', value: unassigned.length, caption: `${texts(unassigned.length)} (${share(unassigned.length)})`, colour: '#b8bfcc' },
  ];
  const described = new Map((results.themeGeneration?.themes ?? []).map((t) => [t.shortLabel, t]));
  const cards = sorted.map((t) => {
    const info = described.get(t.theme);
    const quoted = t.members.slice(0, quotes).map((m) => `<blockquote>${escapeHtml(m.text)}</blockquote>`);
    const description = info ? `<p><span class="muted">Description from theme generation:</span> ${escapeHtml(info.description)}</p>` : '';
    const count = `${texts(t.members.length)} allocated, ${share(t.members.length)} of ${total}`;
    return `<article class="theme"><h3>${escapeHtml(t.theme)} <small>${count}</small></h3>${description}${quoted.join('') || '<p class="muted">No text is mainly about this theme.</p>'}</article>`;
  });
  const assigned = total - unassigned.length;
  const intro =
    `Each of the ${texts(total)} goes to its most similar theme when the similarity is at least ${allocation.threshold}: ` +
    `${texts(assigned)} (${share(assigned)}) with a theme, ${texts(unassigned.length)} (${share(unassigned.length)}) with none.`;
  return `<section id="themes"><h2>Themes</h2><p>${intro}</p>${barChart(bars, { title: 'Texts allocated to each theme' })}${cards.join('')}</section>`;
}
