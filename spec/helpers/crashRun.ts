import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Emulator } from 'pulse-rx/emulator';

const TS_NODE_ENV = {
  TS_NODE_TRANSPILE_ONLY: '1',
  TS_NODE_COMPILER_OPTIONS: '{"module":"commonjs","moduleResolution":"node","resolveJsonModule":true}',
};

/** One line `spec/helpers/sentimentRun.ts` printed. */
export type RunLine = { type: string; part?: number; partsDone?: number; resumed?: boolean };

/**
 * Runs `sentimentRun.ts` in a child process and kills it with SIGKILL as soon as `killWhen`
 * holds for a printed line (never, when absent): the lines it printed, and how it ended.
 */
export function runInChild(
  emulator: Emulator,
  run: { dir: string; id: string; texts: number; concurrency: number },
  killWhen?: (line: RunLine, lines: RunLine[]) => boolean,
): Promise<{ lines: RunLine[]; signal: NodeJS.Signals | null; code: number | null }> {
  const args = [emulator.url, emulator.tokenUrl, emulator.clientId, emulator.clientSecret, run.dir, run.id, String(run.texts), String(run.concurrency)];
  const child = spawn(process.execPath, ['-r', 'ts-node/register', join(__dirname, 'sentimentRun.ts'), ...args], {
    env: { ...process.env, ...TS_NODE_ENV },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: RunLine[] = [];
  let buffer = '';
  child.stdout.on('data', (d: Buffer) => {
    buffer += d.toString();
    const complete = buffer.split('\n');
    buffer = complete.pop()!;
    for (const text of complete) {
      const line = JSON.parse(text) as RunLine;
      lines.push(line);
      if (killWhen?.(line, lines) && child.exitCode === null) child.kill('SIGKILL');
    }
  });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ lines, signal, code })));
}
