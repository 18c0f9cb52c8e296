import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A real `redis-server` on a loopback port, in a temporary directory, for tests and benches. */
export interface RedisServer {
  host: string;
  port: number;
  /** `redis://127.0.0.1:PORT`. */
  url: string;
  stop(): Promise<void>;
}

/** Where Debian's package puts it; `REDIS_SERVER` overrides. */
export const REDIS_SERVER_BIN = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts `redis-server` bound to 127.0.0.1 with no persistence, and resolves once it
 * accepts connections. A port taken between the probe and the start is retried.
 *
 * @example
 * const redis = await startRedisServer();
 * // ... new IORedis(redis.port, redis.host)
 * await redis.stop();
 */
export async function startRedisServer(attempts = 3): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), 'pulse-redis-'));
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      const child = await launch(port, dir);
      return {
        host: '127.0.0.1',
        port,
        url: `redis://127.0.0.1:${port}`,
        stop: () => stop(child, dir),
      };
    } catch (e) {
      if (attempt >= attempts) {
        rmSync(dir, { recursive: true, force: true });
        throw e;
      }
    }
  }
}

function launch(port: number, dir: string): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'];
  const child = spawn(REDIS_SERVER_BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Ready to accept connections')) {
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.resume();
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${out.slice(-500)}`)));
  });
}

function stop(child: ChildProcess, dir: string): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      rmSync(dir, { recursive: true, force: true });
      resolve();
    };
    if (child.exitCode !== null) return done();
    child.once('exit', done);
    child.kill('SIGTERM');
  });
}
