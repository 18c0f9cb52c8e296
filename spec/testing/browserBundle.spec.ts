import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { build, type Metafile } from 'esbuild';

const root = join(__dirname, '..', '..');

/** A page's script using the test kit: a real PulseClient answered in memory. */
const app = `
  import { PulseClient } from 'pulse-rx';
  import { createInMemoryPulse } from 'pulse-rx/testing';
  import { firstValueFrom } from 'rxjs';
  globalThis.run = async () => {
    const pulse = createInMemoryPulse();
    const client = PulseClient.withToken('test', { baseUrl: pulse.baseUrl, axios: pulse.axios, poll: { minIntervalMs: 1, maxIntervalMs: 1 } });
    const sync = await firstValueFrom(client.analyzeSentiment({ inputs: ['I love it'], fast: true }));
    const job = await firstValueFrom(client.analyzeSentiment({ inputs: ['Awful, terrible'], fast: false }));
    client.close();
    return [sync.results[0].sentiment, job.results[0].sentiment, pulse.journal().length];
  };`;

describe('pulse-rx/testing in a browser bundle', () => {
  let code: string;
  let inputs: string[];
  beforeAll(async () => {
    const result = await build({
      stdin: { contents: app, resolveDir: root, loader: 'ts' },
      bundle: true,
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      write: false,
      metafile: true,
      logLevel: 'silent',
      tsconfig: join(root, 'tsconfig.json'),
    });
    code = result.outputFiles[0]!.text;
    inputs = Object.keys((result.metafile as Metafile).inputs);
  }, 120_000);

  it('bundles for platform=browser without any Node module (no node:*, no emulator server, no axios http adapter)', () => {
    expect(inputs.some((i) => i.endsWith('src/testing/index.ts'))).toBe(true);
    expect(inputs.filter((i) => i.startsWith('node:') || /src\/emulator\/(startEmulator|hostGuard|faults|adminRoute)\.ts$/.test(i) || /node_modules\/axios\/lib\/adapters\/http\.js/.test(i))).toEqual([]);
  });

  it('drives PulseClient (a synchronous call and a job) inside a context that has only browser globals', async () => {
    const globals = { setTimeout, clearTimeout, setInterval, clearInterval, TextDecoder, URL, URLSearchParams, AbortController, queueMicrotask, console };
    const context: Record<string, unknown> = { ...globals, outerEncoder: new TextEncoder() };
    context.globalThis = context;
    context.self = context;
    // The page's own TextEncoder: its bytes are typed arrays of the page's realm, as in a browser.
    runInNewContext('globalThis.TextEncoder = class { encode(s) { return Uint8Array.from(outerEncoder.encode(s)); } };', context);
    runInNewContext(code, context);
    expect(typeof context.require).toBe('undefined');
    expect(typeof context.process).toBe('undefined');
    const outcome = await (context.run as () => Promise<unknown>)();
    expect(JSON.parse(JSON.stringify(outcome))).toEqual(['positive', 'negative', expect.any(Number)]);
    expect((outcome as number[])[2]).toBeGreaterThanOrEqual(3);
  });
});
