import type { Observable } from 'rxjs';
import { checkOptions, describe } from '../http/checkOptions';
import { PulseValidationError } from '../errors';
import { secureUrl } from '../http/secureUrl';
import { ClientCredentialsAuthOptionsSchema } from '../schemas/authOptions';
import type { AuthContext, AuthProvider } from './AuthProvider';
import { DEFAULTS, readEnv } from './env';
import { requestToken, type TokenBodyFormat } from './requestToken';
import { TokenCache } from './tokenCache';

/** Options of `ClientCredentialsAuth`; each falls back to its `PULSE_*` variable. */
export interface ClientCredentialsAuthOptions {
  /** @default process.env.PULSE_CLIENT_ID */
  clientId?: string;
  /** @default process.env.PULSE_CLIENT_SECRET */
  clientSecret?: string;
  /** @default process.env.PULSE_TOKEN_URL, else the hosted Auth0 token endpoint */
  tokenUrl?: string;
  /** @default process.env.PULSE_AUDIENCE, else `https://core.researchwiseai.com/pulse/v1` */
  audience?: string;
  /** Optional OAuth2 scope. @default process.env.PULSE_SCOPE */
  scope?: string;
  /**
   * Auth0 organization the token acts for (its `org_id` claim, which `credits$()` reads).
   * @default process.env.PULSE_ORGANIZATION
   */
  organization?: string;
  /** Encoding of the token request. @default 'form' */
  bodyFormat?: TokenBodyFormat;
  /** Refresh this long before expiry, in ms (capped at a tenth of the lifetime). @default 60000 */
  refreshSkewMs?: number;
  /** Timeout of each token request, in ms. @default 60000 */
  tokenTimeoutMs?: number;
  /** Allow a `tokenUrl` with plain http to a host other than loopback (the secret would travel in clear). @default false */
  allowInsecureHttp?: boolean;
}

/**
 * OAuth2 client credentials: fetches a token on first use, caches it until shortly
 * before `expires_in`, shares one token request between concurrent calls, and fetches a
 * new one when the API answers 401.
 *
 * @example
 * import { ClientCredentialsAuth, PulseClient } from 'pulse-rx';
 * const auth = new ClientCredentialsAuth({ clientId: 'id', clientSecret: 'secret' });
 * const client = new PulseClient({ auth });
 */
export class ClientCredentialsAuth implements AuthProvider {
  readonly clientId: string;
  readonly tokenUrl: string;
  readonly audience: string;
  readonly #secret: string;
  readonly #cache: TokenCache;
  readonly #scope: string | undefined;
  readonly #organization: string | undefined;
  readonly #format: TokenBodyFormat;
  readonly #timeoutMs: number | undefined;

  constructor(options: ClientCredentialsAuthOptions = {}) {
    const o = checkOptions(ClientCredentialsAuthOptionsSchema, options, '');
    this.clientId = required('clientId', o.clientId ?? readEnv('PULSE_CLIENT_ID'), 'PULSE_CLIENT_ID');
    this.#secret = required('clientSecret', o.clientSecret ?? readEnv('PULSE_CLIENT_SECRET'), 'PULSE_CLIENT_SECRET');
    const tokenUrl = o.tokenUrl ?? readEnv('PULSE_TOKEN_URL') ?? DEFAULTS.tokenUrl;
    this.tokenUrl = secureUrl('tokenUrl', tokenUrl, o.allowInsecureHttp === true).toString();
    this.audience = o.audience ?? readEnv('PULSE_AUDIENCE') ?? DEFAULTS.audience;
    this.#scope = o.scope ?? readEnv('PULSE_SCOPE');
    this.#organization = o.organization ?? readEnv('PULSE_ORGANIZATION');
    this.#format = o.bodyFormat ?? 'form';
    this.#timeoutMs = o.tokenTimeoutMs;
    this.#cache = new TokenCache(o.refreshSkewMs ?? 60_000);
  }

  token(context: AuthContext): Observable<string> {
    return this.#cache.get(
      () => context.scheduler.now(),
      () =>
        requestToken(
          context,
          this.tokenUrl,
          {
            grant_type: 'client_credentials',
            client_id: this.clientId,
            client_secret: this.#secret,
            audience: this.audience,
            scope: this.#scope,
            organization: this.#organization,
          },
          this.#format,
          this.#timeoutMs,
        ),
    );
  }

  invalidate(token: string): void {
    this.#cache.invalidate(token);
  }

  /** What `JSON.stringify` shows: the settings, never a token or secret. */
  toJSON(): Record<string, unknown> {
    return { type: 'ClientCredentialsAuth', clientId: this.clientId, clientSecret: '[redacted]', tokenUrl: this.tokenUrl };
  }
}

function required(field: string, value: string | undefined, envName: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new PulseValidationError(field, `is required (pass it, or set ${envName})`);
  }
  return value.trim();
}

/** Validates an http(s) URL option (one that carries no secret: see `secureUrl` for those). */
export function httpUrl(field: string, value: unknown): string {
  let url: URL;
  try {
    url = new URL(value as string);
  } catch {
    throw new PulseValidationError(field, 'must be an absolute http(s) URL', { value: describe(value) });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new PulseValidationError(field, 'must use http or https', { value: url.protocol });
  }
  return url.toString();
}
