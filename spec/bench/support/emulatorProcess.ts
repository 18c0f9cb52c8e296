import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** The emulator in its own process, so this process's memory is the client's alone. */
export async function emulatorProcess(args: string[] = []): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register', join(__dirname, '..', '..', '..', 'src', 'cli', 'pulse-emulator.ts'), '--port', '0', '--no-auth', '--job-duration', '0', ...args], {
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: '1', TS_NODE_COMPILER_OPTIONS: '{"module":"commonjs","moduleResolution":"node","resolveJsonModule":true}' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /PULSE_BASE_URL=(\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', () => reject(new Error(`emulator exited: ${out}`)));
  });
  return { url, stop: () => child.kill() };
}
