import { catchError, map, Observable, throwError } from 'rxjs';
import { AuthenticationError, PulseApiError, ResponseValidationError } from '../http/errors';
import { TokenResponseSchema, type TokenResponse } from '../schemas/token';
import type { AuthContext } from './AuthProvider';

/** How the token request body is encoded. OAuth2 says form; Auth0 also takes JSON. */
export type TokenBodyFormat = 'form' | 'json';

/**
 * POSTs an OAuth2 grant to the token endpoint (never with a bearer token) and validates
 * the answer. A refusal becomes `AuthenticationError`; secrets never reach the error.
 */
export function requestToken(
  context: AuthContext,
  tokenUrl: string,
  params: Record<string, string | undefined>,
  format: TokenBodyFormat,
): Observable<TokenResponse> {
  const fields = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as Record<string, string>;
  const body = format === 'form' ? new URLSearchParams(fields).toString() : fields;
  const headers: Record<string, string> =
    format === 'form' ? { 'content-type': 'application/x-www-form-urlencoded' } : { 'content-type': 'application/json' };
  // Token requests bypass the limiter: the call waiting for this token already holds a slot.
  return context.send({ method: 'POST', path: tokenUrl, body, headers, auth: false, maxRetries: 0, limited: false }).pipe(
    catchError((err: unknown) => {
      if (PulseApiError.is(err) && err.status >= 400 && err.status < 500 && err.status !== 408 && err.status !== 429) {
        return throwError(
          () =>
            new AuthenticationError({
              status: err.status,
              code: err.code ?? 'token_request_failed',
              message: `token request to ${new URL(tokenUrl).host} failed: ${err.message}`,
              requestId: err.requestId,
            }),
        );
      }
      return throwError(() => err);
    }),
    map((res) => {
      const parsed = TokenResponseSchema.safeParse(res.body);
      if (!parsed.success) {
        throw new ResponseValidationError('token endpoint answered without an access_token', '[redacted]');
      }
      return parsed.data;
    }),
  );
}
