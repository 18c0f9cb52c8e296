import { createReadStream, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';
import { buildAngularExampleInChild, type AngularBuild } from '../../examples/angular/build';
import { installedPackage } from '../package/installedPackage';
import { until } from '../helpers/recordingServer';
import { launchChromium, screenshotPath } from './chromium';

/** Serves the built app; every unknown path gets index.html (client-side routes). */
function serve(dir: string): Promise<Server> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
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

const isPoll = (j: { method: string; path: string }) => j.method === 'GET' && j.path.startsWith('/v1/jobs');

describe('the Angular example (ng build, AOT) in headless Chromium, against the emulator', () => {
  let browser: Browser;
  let server: Server;
  let built: AngularBuild;
  beforeAll(async () => {
    // The app bundles pulse-rx as installed from the packed tarball.
    built = await buildAngularExampleInChild(join(installedPackage().dir, 'node_modules', 'pulse-rx'));
    console.log(`Angular example, initial bundle: ${(built.initial.bytes / 1024).toFixed(1)} KiB, ${(built.initial.gzipBytes / 1024).toFixed(1)} KiB gzip (${built.initial.files.join(', ')})`);
    server = await serve(built.outDir);
    browser = await launchChromium();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    if (server) await new Promise((r) => server.close(r));
  });

  const open = async (emulator: Emulator): Promise<Page> => {
    const page = await browser.newPage();
    const { port } = server.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/?api=${encodeURIComponent(emulator.url)}&token=${await token(emulator)}`);
    await page.locator('#analyze').waitFor();
    return page;
  };

  it('the bundle comes from the installed package (never src/) and carries no Node-only module', () => {
    // pulse-rx/angular's entry and the core's chunks (index.mjs only re-exports them: a bundler may skip it).
    expect(built.inputs.filter((i) => /^node_modules\/pulse-rx\/dist\/angular\.mjs$/.test(i))).toHaveLength(1);
    expect(built.inputs.filter((i) => /^node_modules\/pulse-rx\/dist\/(index|chunk-[^/]+)\.mjs$/.test(i)).length).toBeGreaterThan(0);
    expect(built.inputs.filter((i) => i.startsWith('node:') || /\.\.\/src\//.test(i) || /node_modules\/(nock|express|ajv)\//.test(i))).toEqual([]);
    expect(built.initial.files).toEqual([expect.stringMatching(/^main-\w+\.js$/)]);
  });

  it('streams the job status and shows the results; the HttpClient interceptor saw every request', async () => {
    const emulator = await startEmulator({ jobDurationMs: 1500 });
    try {
      const page = await open(emulator);
      await page.click('#analyze');
      await page.locator('#status', { hasText: 'pending' }).waitFor();
      // Polling runs while Angular reports the app stable (zoneless: timers are not pending tasks).
      await page.locator('app-root[data-stable="true"]').waitFor({ timeout: 5000 });
      await page.locator('#status', { hasText: 'done' }).waitFor({ timeout: 10_000 });
      expect(await page.locator('#results li').allTextContents()).toEqual([
        expect.stringMatching(/^positive/),
        expect.stringMatching(/^negative/),
        expect.stringMatching(/^positive/),
      ]);
      // All the app sent (not the test's token request, nor the browser's CORS preflights).
      const served = emulator.journal()
        .filter((j) => j.method !== 'OPTIONS' && j.path !== '/oauth/token')
        .map((j) => `${j.method} ${j.path.split('?')[0]}`);
      expect(served.filter((p) => p === 'GET /v1/jobs').length).toBeGreaterThanOrEqual(2);
      expect(served.at(-1)).toMatch(/^GET \/results\/sentiment\//);
      expect(await page.locator('#http-log li').allTextContents()).toEqual(served);
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
      await until(() => emulator.journal().some(isPoll), 10_000);
      const poll = emulator.journal().find(isPoll)!;
      expect(poll.doneAt).toBe(0); // still open
      const aborted: string[] = [];
      page.on('requestfailed', (r) => aborted.push(`${r.failure()?.errorText} ${new URL(r.url()).pathname}`));
      await page.click('#nav-about');
      await page.locator('#about').waitFor();
      // The browser reports the poll in flight as aborted: destroying the component's
      // resource reached the fetch through HttpClient.
      await until(() => aborted.length > 0, 5000);
      expect(aborted).toEqual(['net::ERR_ABORTED /v1/jobs']);
      expect(poll.status).toBe(0); // never answered
      const seen = emulator.journal().length;
      // A page timer of 1 s fires after any poll timer (100-300 ms) that was still alive.
      await page.evaluate(() => new Promise((r) => setTimeout(r, 1000)));
      expect(emulator.journal().length).toBe(seen);
      await page.close();
    } finally {
      await emulator.close();
    }
  });

  it('a hidden tab stops polling; showing it again polls at once', async () => {
    const emulator = await startEmulator({ jobDurationMs: 600_000 });
    try {
      const page = await open(emulator);
      await page.click('#analyze');
      await until(() => emulator.journal().filter(isPoll).length >= 2, 10_000);
      const setVisibility = (state: 'hidden' | 'visible') =>
        page.evaluate((s) => {
          Object.defineProperty(document, 'visibilityState', { value: s, configurable: true });
          document.dispatchEvent(new Event('visibilitychange'));
        }, state);
      await setVisibility('hidden');
      const polls = emulator.journal().filter(isPoll).length;
      // A page timer of 1 s fires after any poll timer (100-300 ms) that was still alive.
      await page.evaluate(() => new Promise((r) => setTimeout(r, 1000)));
      expect(emulator.journal().filter(isPoll).length).toBe(polls);
      expect(await page.locator('#status').textContent()).toMatch(/queued|pending/);
      await setVisibility('visible');
      await until(() => emulator.journal().filter(isPoll).length > polls, 5000);
      await page.close();
    } finally {
      await emulator.close();
    }
  });

  describe('component tests in the browser (TestBed, JIT)', () => {
    let page: Page;
    beforeAll(async () => {
      const result = await build({
        // The staged example: pulse-rx resolves to the installed package there.
        entryPoints: [join(built.root, 'src', 'analyze.component.spec.ts')],
        bundle: true,
        format: 'iife',
        globalName: 'componentTests',
        platform: 'browser',
        target: 'es2022',
        write: false,
        logLevel: 'silent',
        // Angular's JIT reads the legacy decorators; pulse-rx resolves to the installed package.
        tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
        preserveSymlinks: true,
      });
      page = await browser.newPage();
      await page.setContent('<!doctype html><html><body></body></html>');
      await page.addScriptTag({ content: result.outputFiles[0]!.text });
    }, 120_000);
    afterAll(() => page?.close());

    it('HttpTestingController answers every request of AnalyzeComponent: no socket, the status streams', async () => {
      const outcome = await page.evaluate(() => (globalThis as unknown as { componentTests: { withHttpTestingController(): Promise<unknown> } }).componentTests.withHttpTestingController());
      expect(outcome).toEqual({
        statuses: ['idle', 'pending', 'done'],
        results: ['positive (0.90)', 'negative (0.80)', 'neutral (0.50)'],
        headers: ['Bearer test-token', 'none'],
      });
    });

    it('pulse-rx/testing: AnalyzeComponent against the emulated API in memory', async () => {
      const outcome = await page.evaluate(() => (globalThis as unknown as { componentTests: { withInMemoryPulse(): Promise<unknown> } }).componentTests.withInMemoryPulse());
      expect(outcome).toEqual({
        status: 'done',
        results: [expect.stringMatching(/^positive/), expect.stringMatching(/^negative/), expect.stringMatching(/^positive/)],
        requests: ['POST /v1/sentiment 202', 'GET /v1/jobs 200', expect.stringMatching(/^GET \/results\/sentiment\/\w+\.json 200$/)],
      });
    });
  });
});
