import { spawn } from 'node:child_process';

/**
 * Opens `url` in the user's browser, best effort: the `BROWSER` command when set (its `%s`
 * replaced by the URL, else the URL appended), else the platform's opener. Never through a
 * shell; a failure only means the user opens the printed URL themselves.
 *
 * @example
 * openBrowser('https://example.com/authorize?...');
 */
export function openBrowser(url: string, env: NodeJS.ProcessEnv = process.env): void {
  const custom = env.BROWSER?.trim();
  let command: string;
  let args: string[];
  if (custom) {
    const words = custom.split(/\s+/);
    command = words[0]!;
    args = words.slice(1).map((w) => w.replace('%s', url));
    if (!custom.includes('%s')) args.push(url);
  } else if (process.platform === 'darwin') [command, args] = ['open', [url]];
  else if (process.platform === 'win32') [command, args] = ['rundll32', ['url.dll,FileProtocolHandler', url]];
  else [command, args] = ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No opener: the URL is on stderr.
  }
}
