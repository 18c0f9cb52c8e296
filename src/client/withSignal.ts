import { Observable } from 'rxjs';
import { PulseAbortError } from '../errors';
import type { AbortLike } from '../http/Closer';

/**
 * Ties a cold Observable to an `AbortSignal` (or a client's close): when it fires, the
 * subscriber gets `PulseAbortError` and the work in flight is torn down (HTTP aborted).
 */
export function withSignal<T>(source$: Observable<T>, signal: AbortSignal | AbortLike | undefined, reason = 'request aborted by signal'): Observable<T> {
  if (!signal) return source$;
  return new Observable<T>((subscriber) => {
    if (signal.aborted) {
      subscriber.error(new PulseAbortError(reason));
      return;
    }
    const onAbort = () => subscriber.error(new PulseAbortError(reason));
    signal.addEventListener('abort', onAbort);
    const subscription = source$.subscribe(subscriber);
    return () => {
      signal.removeEventListener('abort', onAbort);
      subscription.unsubscribe();
    };
  });
}
