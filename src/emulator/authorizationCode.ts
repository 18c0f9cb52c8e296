import { sha256, toBase64Url } from './hmacSha256';

/** `n` random bytes, base64url (Web Crypto: in Node and in browsers). */
const randomToken = (n: number) => toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(n)));
import type { ApiReply, ApiRequest, ApiState } from './api';

/** A code handed out by `/authorize`, waiting for its exchange. */
interface PendingCode {
  challenge: string;
  redirectUri: string;
  organization?: string;
}

/** Codes and refresh tokens of one emulator (kept beside its state, not in it). */
interface Grants {
  codes: Map<string, PendingCode>;
  refreshTokens: Map<string, { organization?: string }>;
}
const grantsOf = new WeakMap<ApiState, Grants>();
function grants(s: ApiState): Grants {
  let g = grantsOf.get(s);
  if (!g) grantsOf.set(s, (g = { codes: new Map(), refreshTokens: new Map() }));
  return g;
}

const oauthError = (status: number, error: string, description: string): ApiReply => ({
  status,
  body: { error, error_description: description },
});

/**
 * `GET /authorize`: the user "logs in" at once and is sent back to `redirect_uri` (loopback
 * only) with a single-use `code` and the `state`, as Auth0 does after a login (PKCE S256 only).
 */
export function authorize(query: URLSearchParams, s: ApiState): ApiReply {
  const redirectUri = query.get('redirect_uri') ?? '';
  const challenge = query.get('code_challenge') ?? '';
  if (query.get('client_id') !== s.clientId) return oauthError(400, 'invalid_request', 'Unknown client_id');
  if (query.get('response_type') !== 'code') return oauthError(400, 'unsupported_response_type', 'Only code is supported');
  if (query.get('code_challenge_method') !== 'S256' || !challenge) return oauthError(400, 'invalid_request', 'PKCE S256 is required');
  let target: URL;
  try {
    target = new URL(redirectUri);
  } catch {
    return oauthError(400, 'invalid_request', 'redirect_uri must be an absolute URL');
  }
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) return oauthError(400, 'invalid_request', 'redirect_uri must be loopback');
  const code = randomToken(16);
  grants(s).codes.set(code, { challenge, redirectUri, organization: query.get('organization') ?? undefined });
  target.searchParams.set('code', code);
  const state = query.get('state');
  if (state !== null) target.searchParams.set('state', state);
  return { status: 302, body: '', headers: { location: target.toString() } };
}

/**
 * The `authorization_code` (with its verifier) and `refresh_token` grants: the organization
 * the token acts for and a rotated refresh token. Undefined for other grants.
 */
export function userGrant(req: ApiRequest, s: ApiState): { organization?: string; refreshToken: string } | ApiReply | undefined {
  const b = (req.body ?? {}) as Record<string, unknown>;
  const g = grants(s);
  let organization: string | undefined;
  if (b.grant_type === 'authorization_code') {
    const pending = g.codes.get(String(b.code));
    g.codes.delete(String(b.code)); // single use, whatever happens next
    if (!pending || b.client_id !== s.clientId) return oauthError(403, 'invalid_grant', 'Invalid authorization code');
    if (b.redirect_uri !== pending.redirectUri) return oauthError(403, 'invalid_grant', 'redirect_uri does not match');
    const digest = toBase64Url(sha256(String(b.code_verifier ?? '')));
    if (digest !== pending.challenge) return oauthError(403, 'invalid_grant', 'Failed to verify code verifier');
    organization = pending.organization;
  } else if (b.grant_type === 'refresh_token') {
    const known = g.refreshTokens.get(String(b.refresh_token));
    if (!known || b.client_id !== s.clientId) return oauthError(403, 'invalid_grant', 'Unknown or expired refresh token');
    g.refreshTokens.delete(String(b.refresh_token)); // rotation: a refresh token is used once
    organization = known.organization;
  } else {
    return undefined;
  }
  const refreshToken = randomToken(24);
  g.refreshTokens.set(refreshToken, { organization });
  return { organization, refreshToken };
}
