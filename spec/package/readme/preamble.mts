// The README's one preamble: an embedded emulator, PULSE_* variables pointing at it (so
// `PulseClient.withClientCredentials()` and `fromEnv()` work as written), and the globals
// declared in globals.d.ts. `setup` resolves to the teardown.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PulseClient } from 'pulse-rx';
import { startEmulator } from 'pulse-rx/emulator';

/** A real redis-server on a free loopback port (the fleet section's queue). */
async function startRedis(): Promise<{ port: number; stop: () => void }> {
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: p } = probe.address() as { port: number };
      probe.close(() => resolve(p));
    });
  });
  const dir = mkdtempSync(join(tmpdir(), 'readme-redis-'));
  const child = spawn(process.env.REDIS_SERVER ?? '/usr/bin/redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no']);
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('Ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
  return { port, stop: () => (child.kill(), rmSync(dir, { recursive: true, force: true })) };
}

export async function setup(): Promise<() => Promise<void>> {
  const emulator = await startEmulator({ jobDurationMs: 50 });
  const redis = await startRedis();
  Object.assign(process.env, {
    PULSE_BASE_URL: emulator.url,
    PULSE_TOKEN_URL: emulator.tokenUrl,
    PULSE_CLIENT_ID: emulator.clientId,
    PULSE_CLIENT_SECRET: emulator.clientSecret,
  });
  delete process.env.PULSE_TOKEN;
  const texts = JSON.parse(readFileSync('reviews.json', 'utf8')) as string[];
  const many = (n: number) => Array.from({ length: n }, (_, i) => texts[i % texts.length]!);
  Object.assign(globalThis, {
    client: PulseClient.withClientCredentials(),
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    reviews: texts.slice(0, 40),
    tickets: texts.slice(40, 60),
    inputs: texts.slice(60, 70),
    bigListOf4000: many(4000),
    twentyThousandReviews: many(20_000),
    render: () => undefined,
    showError: (e: unknown) => {
      throw e;
    },
    save: () => undefined,
    redisConnection: { host: '127.0.0.1', port: redis.port },
  });
  return async () => {
    // Snippets may leave a subscription running: wait until the emulator has been quiet.
    let seen = -1;
    for (let rounds = 0; rounds < 240 && emulator.journal().length !== seen; rounds++) {
      seen = emulator.journal().length;
      await new Promise((r) => setTimeout(r, 1000));
    }
    globalThis.client.close();
    await emulator.close();
    redis.stop();
  };
}
