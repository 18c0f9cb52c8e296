import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom } from 'rxjs';
import { PulseClient } from 'pulse-rx';
import { recordProxy, startEmulator, type Emulator } from 'pulse-rx/emulator';
import { emulatorArgs } from '../../src/cli/emulatorArgs';

const inputs = ['The rides were thrilling', 'The food was cold'];

describe('record and replay (17.6)', () => {
  // The "real deployment" is a hosted-profile emulator with another seed: its answers differ from local ones.
  let upstream: Emulator;
  beforeAll(async () => {
    upstream = await startEmulator({ profile: 'hosted', seed: 9, jobDurationMs: 0 });
  });
  afterAll(() => upstream.close());

  it('records through a proxy (no secrets written), then replays the recorded answers and analyses the rest locally', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pulse-cassettes-'));
    const recorder = await recordProxy({ dir, upstream: upstream.url });
    const viaProxy = PulseClient.withClientCredentials({
      baseUrl: recorder.url, tokenUrl: upstream.tokenUrl, clientId: upstream.clientId, clientSecret: upstream.clientSecret, maxRetries: 0,
    });
    let recorded: unknown;
    try {
      recorded = await firstValueFrom(viaProxy.analyzeSentiment({ inputs, fast: true }));
    } finally {
      viaProxy.close();
      await recorder.close();
    }
    const text = readFileSync(recorder.file, 'utf8');
    expect(text).not.toMatch(/Bearer|authorization|eyJ/i);
    expect(JSON.parse(text)).toMatchObject({ interactions: [{ request: { method: 'POST', path: '/sentiment' }, response: { status: 200 } }] });

    const local = await startEmulator({ replay: dir, requireAuth: false });
    try {
      const client = PulseClient.withToken('unused', { baseUrl: local.url, maxRetries: 0 });
      // The recorded answer, byte for byte (the upstream's seed, no usage block), not a local one.
      expect(await firstValueFrom(client.analyzeSentiment({ inputs, fast: true }))).toEqual(recorded);
      const fresh = await firstValueFrom(client.analyzeSentiment({ inputs: ['Not recorded'], fast: true }));
      expect(fresh.usage).toBeDefined();
      client.close();
    } finally {
      await local.close();
    }
  });

  it('the CLI: --record with --upstream, --replay; one without the other is a usage error', () => {
    expect(emulatorArgs(['--record', 'd', '--upstream', 'https://x.test/v1'], {}).record).toEqual({ dir: 'd', upstream: 'https://x.test/v1' });
    expect(emulatorArgs(['--replay', 'd'], {}).options.replay).toBe('d');
    expect(() => emulatorArgs(['--record', 'd'], {})).toThrow(/go together/);
  });
});
