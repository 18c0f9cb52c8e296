import { catchError, map, Observable, throwError } from 'rxjs';
import { AuthenticationError, PulseApiError, ResponseValidationError } from '../errors';
import { formatPath } from '../http/parseWith';
import { TokenResponseSchema, type TokenResponse } from '../schemas/token';
import type { AuthContext } from './AuthProvider';
import { safeParse } from '../schemas/safeParse';

/** How the token request body is encoded. OAuth2 says form; Auth0 also takes JSON. */
export type TokenBodyFormat = 'form' | 'json';

/** Timeout of a token request when neither the provider nor the client sets a finite one, in ms. */
export const DEFAULT_TOKEN_TIMEOUT_MS = 60_000;

/** Grant fields whose values are secrets: they join the client's secrets before sending. */
const SECRET_FIELDS = new Set(['client_secret', 'code', 'code_verifier', 'refresh_token']);

/**
 * POSTs an OAuth2 grant to the token endpoint (never with a bearer token, never following
 * a redirect, within `timeoutMs`) and validates the answer. A refusal or a redirect
 * becomes `AuthenticationError`; secrets never reach the error.
 */
export function requestToken(
  context: AuthContext,
  tokenUrl: string,
  params: Record<string, string | undefined>,
  format: TokenBodyFormat,
  timeoutMs = context.timeoutMs ?? DEFAULT_TOKEN_TIMEOUT_MS,
): Observable<TokenResponse> {
  const fields = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as Record<string, string>;
  context.secrets?.pin(fields.client_secret);
  for (const [key, value] of Object.entries(fields)) if (SECRET_FIELDS.has(key)) context.secrets?.add(value);
  const body = format === 'form' ? new URLSearchParams(fields).toString() : fields;
  const headers: Record<string, string> =
    format === 'form' ? { 'content-type': 'application/x-www-form-urlencoded' } : { 'content-type': 'application/json' };
  const host = new URL(tokenUrl).host;
  // Token requests bypass the limiter: the call waiting for this token already holds a slot.
  // A redirect would re-send the secret (307/308) or take a third host's token (302).
  return context
    .send({
      method: 'POST', path: tokenUrl, body, headers, auth: false, maxRetries: 0, limited: false, followRedirects: false, timeoutMs,
    })
    .pipe(
      catchError((err: unknown) => throwError(() => (PulseApiError.is(err) ? refusal(err, host) : err))),
      map((res) => {
        const parsed = safeParse(TokenResponseSchema, res.body);
        if (!parsed.success) throw invalidAnswer(parsed.error.issues[0]!);
        context.secrets?.add(parsed.data.access_token);
        context.secrets?.add(parsed.data.refresh_token);
        return parsed.data;
      }),
    );
}

function refusal(err: PulseApiError, host: string): unknown {
  if (err.status >= 300 && err.status < 400) {
    const location = err.headers.location;
    const target = location ? ` to ${hostOf(location, host)}` : '';
    return new AuthenticationError({
      status: err.status,
      code: 'token_redirect_refused',
      message: `token request to ${host} answered ${err.status} (a redirect${target}); token requests never follow redirects`,
      requestId: err.requestId,
    });
  }
  if (err.status >= 400 && err.status < 500 && err.status !== 408 && err.status !== 429) {
    return new AuthenticationError({
      status: err.status,
      code: err.code ?? 'token_request_failed',
      message: `token request to ${host} failed: ${err.message}`,
      requestId: err.requestId,
    });
  }
  return err;
}

function hostOf(location: string, base: string): string {
  try {
    return new URL(location, `https://${base}`).host;
  } catch {
    return 'an unreadable location';
  }
}

function invalidAnswer(issue: { path: PropertyKey[]; message: string; code: string }): ResponseValidationError {
  const field = formatPath(issue.path);
  const missing = field === 'access_token' && issue.code === 'invalid_type';
  const message =
    missing || !field
      ? 'token endpoint answered without an access_token'
      : `token endpoint answered an invalid ${field}: ${issue.message}`;
  return new ResponseValidationError(message, '[redacted]');
}
