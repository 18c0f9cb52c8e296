import { chmod, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** What `pulse login` keeps: enough to refresh a session, never an access token. */
export interface StoredLogin {
  clientId: string;
  tokenUrl: string;
  redirectUri: string;
  refreshToken: string;
  baseUrl?: string;
  organization?: string;
}

/**
 * Where `pulse login` keeps its refresh token: `PULSE_CREDENTIALS_FILE` when set (tests),
 * else `credentials.json` under `PULSE_CONFIG_DIR`, else the user's config directory
 * (`$XDG_CONFIG_HOME/pulse`, `~/.config/pulse`; `%APPDATA%\\pulse` on Windows;
 * `~/Library/Application Support/pulse` on macOS).
 *
 * @example
 * credentialsPath(); // '/home/ana/.config/pulse/credentials.json'
 */
export function credentialsPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PULSE_CREDENTIALS_FILE) return env.PULSE_CREDENTIALS_FILE;
  if (env.PULSE_CONFIG_DIR) return join(env.PULSE_CONFIG_DIR, 'credentials.json');
  const base =
    process.platform === 'win32'
      ? (env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? join(homedir(), '.config'));
  return join(base, 'pulse', 'credentials.json');
}

/** The stored login, or undefined when there is none (or it is not one we wrote). */
export async function readLogin(path = credentialsPath()): Promise<StoredLogin | undefined> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as Partial<StoredLogin>;
    const strings = [value.clientId, value.tokenUrl, value.redirectUri, value.refreshToken];
    return strings.every((s) => typeof s === 'string' && s !== '') ? (value as StoredLogin) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes the login atomically with mode 0600 (its folder 0700): a temporary file created
 * with that mode from the start, then renamed over the old one.
 */
export async function writeLogin(login: StoredLogin, path = credentialsPath()): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(login, null, 2)}\n`);
  } finally {
    await handle.close();
  }
  await chmod(temporary, 0o600); // a umask cannot widen it, but a pre-existing file kept its mode
  await rename(temporary, path);
}

/** Removes the stored login; resolves to whether there was one. */
export async function removeLogin(path = credentialsPath()): Promise<boolean> {
  return unlink(path).then(
    () => true,
    (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return false;
      throw e;
    },
  );
}
