/** Escapes text for HTML content and attribute values (review texts are untrusted). */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A bar of a horizontal bar chart. */
export interface Bar {
  label: string;
  value: number;
  /** Shown at the end of the bar, e.g. '42%'. */
  caption: string;
  colour: string;
}

/** A horizontal bar chart as inline SVG (no script, no external resource). */
export function barChart(bars: readonly Bar[], options: { title: string; width?: number }): string {
  const width = options.width ?? 640;
  const labelWidth = 190;
  const barHeight = 22;
  const gap = 8;
  const max = Math.max(...bars.map((b) => b.value), 1e-9);
  const span = width - labelWidth - 110;
  const height = bars.length * (barHeight + gap) + gap;
  const rows = bars.map((b, i) => {
    const y = gap + i * (barHeight + gap);
    const w = Math.max(1, Math.round((b.value / max) * span));
    return [
      `<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end">${escapeHtml(truncate(b.label, 28))}</text>`,
      `<rect x="${labelWidth}" y="${y}" width="${w}" height="${barHeight}" rx="3" fill="${escapeHtml(b.colour)}"><title>${escapeHtml(b.label)}: ${escapeHtml(b.caption)}</title></rect>`,
      `<text x="${labelWidth + w + 6}" y="${y + 16}">${escapeHtml(b.caption)}</text>`,
    ].join('');
  });
  return `<svg class="chart" role="img" aria-label="${escapeHtml(options.title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">${rows.join('')}</svg>`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
