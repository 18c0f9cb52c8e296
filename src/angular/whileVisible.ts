import { distinctUntilChanged, EMPTY, fromEvent, map, startWith, switchMap, takeWhile, type Observable } from 'rxjs';
import type { JobEvent } from 'pulse-rx';

/**
 * Whether the page is visible, now and on every change (`document.visibilityState`); a
 * document without the property (a server render) counts as visible.
 *
 * @example
 * import { inject, DOCUMENT } from '@angular/core';
 * import { pageVisible } from 'pulse-rx/angular';
 *
 * pageVisible(inject(DOCUMENT)).subscribe((visible) => console.log(visible));
 */
export function pageVisible(document: Document): Observable<boolean> {
  return fromEvent(document, 'visibilitychange').pipe(
    startWith(undefined),
    map(() => document.visibilityState !== 'hidden'),
    distinctUntilChanged(),
  );
}

/**
 * A job's polling stream that runs only while `visible$` says so: hiding unsubscribes
 * (the status read in flight is aborted, no timer is left), showing again subscribes anew,
 * which reads the status at once. Completes after the result.
 *
 * @example
 * import { whileVisible, pageVisible } from 'pulse-rx/angular';
 *
 * whileVisible(job.events$, pageVisible(document)).subscribe((e) => console.log(e.type));
 */
export function whileVisible<T>(events$: Observable<JobEvent<T>>, visible$: Observable<boolean>): Observable<JobEvent<T>> {
  return visible$.pipe(
    distinctUntilChanged(),
    switchMap((visible) => (visible ? events$ : EMPTY)),
    takeWhile((e) => e.type !== 'result', true),
  );
}
