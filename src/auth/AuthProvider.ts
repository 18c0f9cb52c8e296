import type { Observable, SchedulerLike } from 'rxjs';
import type { SendOptions } from '../http/HttpTransport';
import type { Secrets } from '../http/Secrets';
import type { HttpResponse } from '../http/types';

/** What a client lends its auth provider: an unauthenticated sender and its clock. */
export interface AuthContext {
  /** Sends a request through the client's transport, without a bearer token. */
  send(options: SendOptions): Observable<HttpResponse>;
  scheduler: SchedulerLike;
  /** The client's secrets: a provider adds what it sends and receives, so no error or log shows them. */
  secrets?: Secrets;
  /** Timeout of a token request when the provider sets none, in ms (the client's, when finite). */
  timeoutMs?: number;
}

/**
 * Supplies bearer tokens to a client. Implementations cache tokens and share one
 * in-flight token request between concurrent callers.
 */
export interface AuthProvider {
  /** A cold Observable of a valid access token. */
  token(context: AuthContext): Observable<string>;
  /** The API refused `token`: forget it so the next `token()` gets a fresh one. */
  invalidate(token: string): void;
}
