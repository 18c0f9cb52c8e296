import { defer, Observable, tap, throwError } from 'rxjs';
import { checkOptions } from '../http/checkOptions';
import { AuthenticationError, PulseValidationError } from '../errors';
import { secureUrl } from '../http/secureUrl';
import { AuthorizationCodePKCEAuthOptionsSchema } from '../schemas/authOptions';
import type { TokenResponse } from '../schemas/token';
import type { AuthContext, AuthProvider } from './AuthProvider';
import { httpUrl } from './ClientCredentialsAuth';
import { DEFAULTS, readEnv } from './env';
import { randomUrlSafe, s256Challenge } from './pkce';
import { requestToken } from './requestToken';
import { TokenCache } from './tokenCache';

/** Options of `AuthorizationCodePKCEAuth`. */
export interface AuthorizationCodePKCEAuthOptions {
  /** @default process.env.PULSE_CLIENT_ID */
  clientId?: string;
  /**
   * Where the authorization server sends the user back with `code` and `state`.
   * @default process.env.PULSE_REDIRECT_URI (one of the two is required)
   */
  redirectUri?: string;
  /** @default the hosted Auth0 `/authorize` */
  authorizeUrl?: string;
  /** @default process.env.PULSE_TOKEN_URL, else the hosted Auth0 token endpoint */
  tokenUrl?: string;
  /** @default process.env.PULSE_AUDIENCE, else the hosted API audience */
  audience?: string;
  /**
   * @default process.env.PULSE_SCOPE, else 'openid profile email offline_access' (offline_access
   * gives a refresh token)
   */
  scope?: string;
  /** Optional Auth0 organization id. */
  organization?: string;
  /** Timeout of each token request, in ms. @default 60000 */
  tokenTimeoutMs?: number;
  /** Allow a `tokenUrl` with plain http to a host other than loopback (codes and tokens would travel in clear). @default false */
  allowInsecureHttp?: boolean;
  /**
   * An authorization code obtained elsewhere (your own redirect handler, another process),
   * exchanged on first use with `codeVerifier`, the verifier its challenge was made from.
   * Give both or neither. @default none: use `authorizationUrl()` and `completeAuthorization()`
   */
  code?: string;
  /** The PKCE verifier of `code` (43 to 128 characters, RFC 7636). @default none */
  codeVerifier?: string;
  /** A refresh token kept from an earlier session (`pulse login` stores one). @default none */
  refreshToken?: string;
  /**
   * Called with each refresh token the server issues (it may rotate them), so that the app
   * can store it; the token is never logged. @default none
   */
  onRefreshToken?: (refreshToken: string) => void;
}

/** What `authorizationUrl()` gives: send the user to `url`; keep nothing else yourself. */
export interface AuthorizationRequest {
  url: string;
  state: string;
}

/**
 * OAuth2 authorization code with PKCE (S256), for apps acting for a user. Build the
 * authorize URL, send the user there (opening a browser is the app's job), pass the
 * returned `code` and `state` to `completeAuthorization`; the code is exchanged once, on
 * first use, then the refresh token keeps the session alive.
 *
 * @example
 * import { AuthorizationCodePKCEAuth, PulseClient } from 'pulse-rx';
 * const auth = new AuthorizationCodePKCEAuth({ clientId: 'id', redirectUri: 'http://localhost:3000/cb' });
 * const { url } = await auth.authorizationUrl();   // redirect the user to url
 * auth.completeAuthorization(codeFromCallback, stateFromCallback);
 * const client = new PulseClient({ auth });
 */
export class AuthorizationCodePKCEAuth implements AuthProvider {
  readonly clientId: string;
  readonly tokenUrl: string;
  private readonly options: AuthorizationCodePKCEAuthOptions;
  private readonly cache = new TokenCache(60_000);
  #verifier: string | undefined;
  #state: string | undefined;
  #code: string | undefined;
  #refreshToken: string | undefined;

  constructor(options: AuthorizationCodePKCEAuthOptions = {}) {
    const o = checkOptions(AuthorizationCodePKCEAuthOptionsSchema, options, '');
    const clientId = o.clientId ?? readEnv('PULSE_CLIENT_ID');
    if (!clientId) throw new PulseValidationError('clientId', 'is required (pass it, or set PULSE_CLIENT_ID)');
    this.clientId = clientId;
    const redirectUri = o.redirectUri ?? readEnv('PULSE_REDIRECT_URI');
    if (!redirectUri) throw new PulseValidationError('redirectUri', 'is required (pass it, or set PULSE_REDIRECT_URI)');
    httpUrl('redirectUri', redirectUri);
    if ((o.code === undefined) !== (o.codeVerifier === undefined)) {
      throw new PulseValidationError(o.code === undefined ? 'code' : 'codeVerifier', 'is required with ' + (o.code === undefined ? 'codeVerifier' : 'code'));
    }
    const tokenUrl = o.tokenUrl ?? readEnv('PULSE_TOKEN_URL') ?? DEFAULTS.tokenUrl;
    this.tokenUrl = secureUrl('tokenUrl', tokenUrl, o.allowInsecureHttp === true).toString();
    this.options = { ...o, redirectUri, scope: o.scope ?? readEnv('PULSE_SCOPE') };
    this.#code = o.code;
    this.#verifier = o.codeVerifier;
    this.#refreshToken = o.refreshToken;
  }

  /** A fresh authorize URL with an S256 challenge and a random `state`. */
  async authorizationUrl(): Promise<AuthorizationRequest> {
    this.#verifier = randomUrlSafe(32);
    this.#state = randomUrlSafe(16);
    const url = new URL(httpUrl('authorizeUrl', this.options.authorizeUrl ?? DEFAULTS.authorizeUrl));
    const params: Record<string, string | undefined> = {
      response_type: 'code',
      client_id: this.clientId,
      redirect_uri: this.options.redirectUri,
      scope: this.options.scope ?? 'openid profile email offline_access',
      audience: this.options.audience ?? readEnv('PULSE_AUDIENCE') ?? DEFAULTS.audience,
      organization: this.options.organization,
      state: this.#state,
      code_challenge: await s256Challenge(this.#verifier),
      code_challenge_method: 'S256',
    };
    for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
    return { url: url.toString(), state: this.#state };
  }

  /** Accepts the callback's `code` after checking its `state`; the exchange happens on first use. */
  completeAuthorization(code: string, state: string): void {
    if (!this.#state || !this.#verifier) {
      throw new PulseValidationError('state', 'no authorization is in progress: call authorizationUrl() first');
    }
    if (state !== this.#state) throw new PulseValidationError('state', 'does not match the authorization request');
    if (typeof code !== 'string' || code === '') throw new PulseValidationError('code', 'must be a non-empty string');
    this.#code = code;
    this.#state = undefined;
  }

  token(context: AuthContext): Observable<string> {
    return this.cache.get(
      () => context.scheduler.now(),
      () => defer(() => this.grant(context)),
    );
  }

  private grant(context: AuthContext): Observable<TokenResponse> {
    let params: Record<string, string | undefined>;
    if (this.#code && this.#verifier) {
      params = {
        grant_type: 'authorization_code',
        client_id: this.clientId,
        code: this.#code,
        code_verifier: this.#verifier,
        redirect_uri: this.options.redirectUri,
      };
      context.secrets?.add(this.#code);
      // A code is single-use: forget it before sending, whatever the answer.
      this.#code = undefined;
      this.#verifier = undefined;
    } else if (this.#refreshToken) {
      context.secrets?.add(this.#refreshToken);
      params = { grant_type: 'refresh_token', client_id: this.clientId, refresh_token: this.#refreshToken };
    } else {
      return throwError(
        () =>
          new AuthenticationError({
            status: 401,
            code: 'not_authorized',
            message: 'no authorization code or refresh token: complete the authorization first',
          }),
      );
    }
    return requestToken(context, this.tokenUrl, params, 'form', this.options.tokenTimeoutMs).pipe(
      tap((res) => {
        if (!res.refresh_token || res.refresh_token === this.#refreshToken) return;
        this.#refreshToken = res.refresh_token;
        context.secrets?.add(res.refresh_token);
        (this.options.onRefreshToken as ((token: string) => void) | undefined)?.(res.refresh_token);
      }),
    );
  }

  invalidate(token: string): void {
    this.cache.invalidate(token);
  }

  /** What `JSON.stringify` shows: the settings, never a token or secret. */
  toJSON(): Record<string, unknown> {
    return { type: 'AuthorizationCodePKCEAuth', clientId: this.clientId, tokenUrl: this.tokenUrl };
  }
}
