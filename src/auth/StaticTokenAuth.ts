import { Observable, of } from 'rxjs';
import { PulseValidationError } from '../errors';
import type { AuthProvider } from './AuthProvider';

/**
 * A fixed bearer token (from your own token service, or for tests).
 *
 * @example
 * import { PulseClient, StaticTokenAuth } from 'pulse-rx';
 * const client = new PulseClient({ auth: new StaticTokenAuth(process.env.PULSE_TOKEN!) });
 */
export class StaticTokenAuth implements AuthProvider {
  readonly #token: string;

  constructor(token: string) {
    if (typeof token !== 'string' || token.trim() === '') {
      throw new PulseValidationError('token', 'must be a non-empty string', { value: typeof token });
    }
    // CR or LF would be mangled into the Authorization header (or split it): refuse them.
    if (!/^[\x21-\x7e]+$/.test(token.trim())) {
      throw new PulseValidationError('token', 'must be visible ASCII (no spaces or control characters such as CR or LF)');
    }
    this.#token = token.trim();
  }

  token(): Observable<string> {
    return of(this.#token);
  }

  invalidate(): void {
    // Nothing to refresh: a refused static token stays refused.
  }

  /** What `JSON.stringify` shows: the settings, never a token or secret. */
  toJSON(): Record<string, unknown> {
    return { type: 'StaticTokenAuth', token: '[redacted]' };
  }
}
