import { PulseClient } from '../client/PulseClient';
import { startEmulator, type Emulator } from '../emulator/startEmulator';
import { readLogin, writeLogin } from './credentialsFile';
import type { Args } from './parseArgs';

/** A connected client, and the embedded emulator it talks to when there is one. */
export interface Connection {
  client: PulseClient;
  emulator?: Emulator;
  /** Resolves once the stored login holds the latest refresh token (awaited before exit). */
  flush?: () => Promise<void>;
}

/**
 * The client a command uses: `--emulator`; else credentials from the environment
 * (`PULSE_TOKEN`, or `PULSE_CLIENT_ID` and `PULSE_CLIENT_SECRET`); else a stored
 * `pulse login` (its refresh token, rotated tokens stored again); else the embedded
 * emulator, saying so.
 *
 * @example
 * const { client, emulator } = await connectClient(args, info);
 */
export async function connectClient(args: Args, info: (line: string) => void): Promise<Connection> {
  const env = process.env;
  const concurrency = args.concurrency;
  if (!args.emulator) {
    if (hasEnvCredentials()) return { client: PulseClient.fromEnv({ concurrency }) };
    const login = await readLogin();
    if (login) {
      info('using the stored login (pulse logout to forget it)');
      const { refreshToken, clientId, tokenUrl, redirectUri, organization } = login;
      let saved = Promise.resolve();
      const client = PulseClient.withPkce({
        ...{ clientId, tokenUrl, redirectUri, organization, refreshToken, concurrency },
        baseUrl: env.PULSE_BASE_URL ?? login.baseUrl,
        // Auth0 rotates refresh tokens: the old one dies once used, so the new one is kept.
        onRefreshToken: (token) => {
          saved = saved.then(() => writeLogin({ ...login, refreshToken: token })).catch(() => undefined);
        },
      });
      return { client, flush: () => saved };
    }
    info('no credentials configured (PULSE_TOKEN, or PULSE_CLIENT_ID and PULSE_CLIENT_SECRET, or pulse login): using the embedded emulator');
  }
  const emulator = await startEmulator({ port: 0 });
  info(`emulator at ${emulator.url}: plausible local scores, not the hosted models`);
  const { url: baseUrl, tokenUrl, clientId, clientSecret } = emulator;
  return { emulator, client: PulseClient.withClientCredentials({ baseUrl, tokenUrl, clientId, clientSecret, concurrency }) };
}

/** Whether `connectClient` would reach the service (credentials or a stored login) rather than the embedded emulator. */
export async function hasCredentials(): Promise<boolean> {
  return hasEnvCredentials() || (await readLogin()) !== undefined;
}

function hasEnvCredentials(): boolean {
  const env = process.env;
  return !!(env.PULSE_TOKEN || (env.PULSE_CLIENT_ID && env.PULSE_CLIENT_SECRET));
}
