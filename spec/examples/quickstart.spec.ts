import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../examples/quickstart';

describe('examples/quickstart (npm start)', () => {
  it('analyses the 280 bundled reviews with live progress, prints a summary and writes the report', async () => {
    const lines: string[] = [];
    const outDir = mkdtempSync(join(tmpdir(), 'pulse-quickstart-'));
    const out = await main((line) => lines.push(line), { outDir });
    const text = lines.join('\n');

    expect(out.reviews).toBe(280);
    expect(out.themes).toBeGreaterThanOrEqual(4);
    expect(out.themes).toBeLessThanOrEqual(50); // the spec's maximum: the quickstart leaves the number to the service
    // Most reviews find a theme (both engines: 81% with the language data, 60% without).
    expect(out.allocated).toBeGreaterThan(140);
    expect(Object.values(out.sentiment).reduce((a, b) => a + b, 0)).toBe(280);
    // Progress: the allocation starts only once the themes are done; jobs report statuses.
    expect(text.indexOf('✓ themeGeneration')).toBeLessThan(text.indexOf('▶ themeAllocation'));
    expect(text).toMatch(/… sentiment\s+job (queued|pending)/);
    expect(text).toMatch(/sentiment: positive \d+%, negative \d+%, neutral \d+%, mixed \d+%/);
    // Every review is counted once: under a theme or under "(no theme)".
    const counted = [...text.matchAll(/^\s{2}\S.*? +(\d+) reviews/gm)].reduce((n, m) => n + Number(m[1]), 0);
    expect(counted).toBe(280);

    const html = readFileSync(out.reportPath, 'utf8');
    expect(html).toContain('<section id="sentiment">');
    expect(html).toContain('<section id="themes">');
    expect((html.match(/<tr><td>\d+<\/td>/g) ?? []).length).toBe(280); // one row per review (line number first)
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });
});
