import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { main as quickstart } from '../../examples/quickstart';
import { launchChromium, screenshotPath } from './chromium';

describe('the HTML report in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders its sections and charts offline, fetching nothing, and is saved as a screenshot', async () => {
    const { reportPath, themes } = await quickstart(() => undefined, { outDir: mkdtempSync(join(tmpdir(), 'pulse-report-')) });
    const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(pathToFileURL(reportPath).href);

    expect(await page.locator('h2').allTextContents()).toEqual(['Sentiment', 'Themes', 'Sentiment by theme', 'Every text']);
    expect(await page.locator('section#sentiment svg rect').count()).toBe(4);
    // One bar per theme and one for "(no theme)" (the sample leaves some reviews unallocated),
    // so the bars account for every text.
    expect(await page.locator('section#themes svg rect').count()).toBe(themes + 1);
    expect(await page.locator('section#themes svg').textContent()).toContain('(no theme)');
    expect(await page.locator('section#themes article.theme').count()).toBe(themes);
    expect(await page.locator('section#texts tbody tr').count()).toBe(280);
    // The charts are laid out (not zero-sized) and the page loaded nothing but itself.
    const box = await page.locator('section#sentiment svg').boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(requests).toEqual([pathToFileURL(reportPath).href]);
    expect(problems).toEqual([]);
    await page.screenshot({ path: screenshotPath('report.png'), fullPage: false });
    await page.close();
  });
});
