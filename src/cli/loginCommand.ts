import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { firstValueFrom } from 'rxjs';
import { DEFAULTS } from '../auth/env';
import { PulseClient } from '../client/PulseClient';
import type { CliContext } from './CliContext';
import { credentialsPath, removeLogin, writeLogin } from './credentialsFile';
import { openBrowser } from './openBrowser';
import { UsageError } from './UsageError';

/** How long `pulse login` waits for the browser to come back. */
const WAIT_MS = 5 * 60_000;

interface Callback {
  code: string;
  state: string;
}

/**
 * `pulse login`: authorization code with PKCE on a loopback redirect. A one-shot server on
 * 127.0.0.1 receives the code, the code is exchanged (with its verifier), and the refresh
 * token is stored (mode 0600) in the user's config directory (`credentialsPath()`); later
 * commands use it when no other credentials are set.
 *
 * @example
 * await loginCommand(ctx); // stderr: "pulse: open this URL to log in: https://..."
 */
export async function loginCommand(ctx: CliContext): Promise<void> {
  const { args, io } = ctx;
  const env = process.env;
  const clientId = args.clientId ?? env.PULSE_CLIENT_ID;
  if (!clientId) throw new UsageError('pulse login needs --client-id ID or PULSE_CLIENT_ID');
  const organization = args.organization ?? env.PULSE_ORGANIZATION;
  const tokenUrl = env.PULSE_TOKEN_URL ?? DEFAULTS.tokenUrl;
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(loopbackPort(), '127.0.0.1', resolve));
  try {
    const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`;
    let refreshToken: string | undefined;
    const baseUrl = env.PULSE_BASE_URL;
    const client = PulseClient.withPkce({
      ...{ clientId, tokenUrl, redirectUri, organization, baseUrl },
      authorizeUrl: env.PULSE_AUTHORIZE_URL ?? DEFAULTS.authorizeUrl,
      onRefreshToken: (token) => (refreshToken = token),
    });
    try {
      const { url } = await client.auth.authorizationUrl();
      const back = callback(server);
      io.stderr.write(`pulse: open this URL to log in: ${url}\n`);
      if (!args.noBrowser) openBrowser(url);
      const { code, state } = await back;
      client.auth.completeAuthorization(code, state);
      await firstValueFrom(client.accessToken()); // the exchange
    } finally {
      client.close();
    }
    if (!refreshToken) throw new Error('the server sent no refresh token (is offline_access in the scope?)');
    const path = credentialsPath();
    await writeLogin({ clientId, tokenUrl, redirectUri, refreshToken, ...(baseUrl ? { baseUrl } : {}), ...(organization ? { organization } : {}) }, path);
    if (args.json) ctx.printJson({ command: 'login', loggedIn: true, credentials: path });
    else io.stdout.write(`logged in; refresh token stored in ${path} (mode 0600)\n`);
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

/**
 * `pulse logout`: forgets the stored login.
 *
 * @example
 * await logoutCommand(ctx); // stdout: "logged out"
 */
export async function logoutCommand(ctx: CliContext): Promise<void> {
  const path = credentialsPath();
  const removed = await removeLogin(path);
  if (ctx.args.json) ctx.printJson({ command: 'logout', removed, credentials: path });
  else ctx.io.stdout.write(removed ? `logged out (removed ${path})\n` : 'not logged in\n');
}

/** The port of a loopback `PULSE_REDIRECT_URI` (a registered redirect), else any free port. */
function loopbackPort(): number {
  const configured = process.env.PULSE_REDIRECT_URI;
  if (!configured || !URL.canParse(configured)) return 0;
  const url = new URL(configured);
  return ['127.0.0.1', 'localhost'].includes(url.hostname) ? Number(url.port || 80) : 0;
}

/** The first `/callback` the browser brings back: its code and state, or the error it carries. */
function callback(server: http.Server): Promise<Callback> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no answer from the browser in 5 minutes')), WAIT_MS);
    timer.unref();
    server.on('request', (req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname !== '/callback') {
        res.writeHead(404).end();
        return;
      }
      const code = url.searchParams.get('code');
      const state = url.searchParams.get('state');
      const failure = url.searchParams.get('error');
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(failure ? 'pulse login failed: you can close this window.\n' : 'pulse is logged in: you can close this window.\n');
      clearTimeout(timer);
      if (failure || !code || !state) reject(new Error(`login refused: ${failure ?? 'no code'} ${url.searchParams.get('error_description') ?? ''}`.trim()));
      else resolve({ code, state });
    });
  });
}
