import { createReadStream, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { buildAngularExample } from '../../examples/angular/build';
import { installedPackage } from '../package/installedPackage';
import { until } from '../helpers/recordingServer';
import { launchChromium, screenshotPath } from './chromium';

/** Serves the built app; every unknown path gets index.html (client-side routes). */
function serve(dir: string): Promise<Server> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };
  const server = createServer((req, res) => {
    const path = join(dir, (req.url ?? '/').split('?')[0]!);
    const file = existsSync(path) && extname(path) ? path : join(dir, 'index.html');
    res.setHeader('content-type', types[extname(file)] ?? 'application/octet-stream');
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function token(emulator: Emulator): Promise<string> {
  const res = await fetch(emulator.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: emulator.clientId, client_secret: emulator.clientSecret }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

describe('the Angular example in headless Chromium, against the emulator', () => {
  let browser: Browser;
  let server: Server;
  let inputs: string[];
  beforeAll(async () => {
    // The app bundles pulse-rx as installed from the packed tarball.
    const built = await buildAngularExample(undefined, join(installedPackage().dir, 'node_modules', 'pulse-rx'));
    inputs = built.inputs;
    server = await serve(built.outDir);
    browser = await launchChromium();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  const open = async (emulator: Emulator): Promise<Page> => {
    const page = await browser.newPage();
    const { port } = server.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/?api=${encodeURIComponent(emulator.url)}&token=${await token(emulator)}`);
    await page.locator('#analyze').waitFor();
    return page;
  };

  it('the browser bundle carries no Node-only module', () => {
    expect(inputs.some((i) => i.endsWith('node_modules/pulse-rx/dist/index.mjs'))).toBe(true);
    expect(inputs.filter((i) => i.startsWith('node:') || /src\/(emulator|node|cli)\//.test(i) || /node_modules\/(nock|express|ajv)\//.test(i))).toEqual([]);
  });

  it('streams the job status, is stable while the job polls, and shows the results', async () => {
    const emulator = await startEmulator({ jobDurationMs: 1500 });
    try {
      const page = await open(emulator);
      await page.click('#analyze');
      await page.locator('#status', { hasText: 'pending' }).waitFor();
      // Polling runs while Angular reports the app stable (zoneless: timers are not pending tasks).
      await page.locator('app-root[data-stable="true"]').waitFor({ timeout: 5000 });
      expect(await page.locator('#status').textContent()).toBe('pending');
      await page.locator('#status', { hasText: 'done' }).waitFor({ timeout: 10_000 });
      expect(await page.locator('#results li').allTextContents()).toEqual([
        expect.stringMatching(/^positive/),
        expect.stringMatching(/^negative/),
        expect.stringMatching(/^positive/),
      ]);
      expect(emulator.journal().filter((j) => j.method === 'GET' && j.path.startsWith('/v1/jobs')).length).toBeGreaterThanOrEqual(2);
      await page.screenshot({ path: screenshotPath('angular.png') });
      await page.close();
    } finally {
      await emulator.close();
    }
  });

  it('navigating away aborts the request in flight and sends no more', async () => {
    // Status reads hang: the first poll stays in flight until the browser lets go of it.
    const emulator = await startEmulator({ jobDurationMs: 60_000, faults: [{ path: '/jobs', action: { type: 'hang' } }] });
    try {
      const page = await open(emulator);
      await page.click('#analyze');
      const isPoll = (j: { method: string; path: string }) => j.method === 'GET' && j.path.startsWith('/v1/jobs');
      await until(() => emulator.journal().some(isPoll), 10_000);
      const poll = emulator.journal().find(isPoll)!;
      expect(poll.doneAt).toBe(0); // still open
      const aborted: string[] = [];
      page.on('requestfailed', (r) => aborted.push(`${r.failure()?.errorText} ${new URL(r.url()).pathname}`));
      await page.click('#nav-about');
      await page.locator('#about').waitFor();
      // The browser itself reports the poll in flight as aborted: the component's
      // unsubscription reached the XHR. (Chromium may keep the socket a while, so the
      // server does not always see the hang-up at once.)
      await until(() => aborted.length > 0, 5000);
      expect(aborted).toEqual(['net::ERR_ABORTED /v1/jobs']);
      expect(poll.status).toBe(0); // never answered
      const seen = emulator.journal().length;
      await new Promise((r) => setTimeout(r, 800)); // several poll intervals (100-300 ms)
      expect(emulator.journal().length).toBe(seen);
      await page.close();
    } finally {
      await emulator.close();
    }
  });
});
