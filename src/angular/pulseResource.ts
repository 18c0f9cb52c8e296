import { DOCUMENT } from '@angular/common';
import { assertInInjectionContext, inject, Injector, signal, type ResourceRef, type Signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { filter, map, of, switchMap, tap, type Observable } from 'rxjs';
import { Job, PulseValidationError, type JobEvent, type JobProgressEvent, type JobStatusValue, type PulseClient } from 'pulse-rx';
import { PULSE_CLIENT } from './providePulse';
import { pageVisible, whileVisible } from './whileVisible';

/** The options `pulseResource` passes to a call: ask for the `Job` handle, so it can poll (and pause) itself. */
export interface PulseResourceCallOptions {
  awaitJobResult: false;
}

/**
 * One call of the resource: given the client and `PulseResourceCallOptions`, the call's
 * Observable: its `Job` handle (pass the options through), or its events
 * (`observe: 'events'`, which cannot pause while hidden).
 */
export type PulseCall<T> = (client: PulseClient, options: PulseResourceCallOptions) => Observable<Job<T> | JobEvent<T>>;

/** Options of `pulseResource`. */
export interface PulseResourceOptions {
  /**
   * Stop polling while the page is hidden (`document.visibilityState`), aborting the status
   * read in flight; when the page shows again, read the status at once. @default false
   */
  pauseWhenHidden?: boolean;
  /** Where to find the client when called outside an injection context. @default the current injector */
  injector?: Injector;
}

/** What a job's resource shows: Angular's resource (value = the result) plus the job's own state. */
export interface PulseResourceRef<T> extends ResourceRef<T | undefined> {
  /** The job's last status; `'submitted'` once accepted; undefined before (and for a new call). */
  readonly jobStatus: Signal<JobStatusValue | 'submitted' | undefined>;
  /** The last progress of a call split into parts (`observe: 'events'`); undefined otherwise. */
  readonly progress: Signal<JobProgressEvent | undefined>;
}

/**
 * A signal-based resource of one Pulse call, on Angular's `rxResource`: `value` is the
 * result, `status`/`error`/`isLoading` as for any resource, `jobStatus` and `progress` as the
 * job advances. When the signals `request` reads change, the previous call is unsubscribed
 * (its request in flight aborted, its polling stopped) and a new one starts; `undefined`
 * leaves the resource idle. Needs Angular 20+ (`rxResource` with `params`/`stream`).
 *
 * @example
 * import { Component, signal } from '@angular/core';
 * import { pulseResource } from 'pulse-rx/angular';
 *
 * @Component({ selector: 'app-mood', template: '{{ mood.jobStatus() }} {{ mood.value()?.results?.[0]?.sentiment }}' })
 * export class MoodComponent {
 *   readonly text = signal('');
 *   readonly mood = pulseResource(() => {
 *     const inputs = [this.text()].filter(Boolean);
 *     return inputs.length ? (pulse, options) => pulse.analyzeSentiment({ inputs, fast: false }, options) : undefined;
 *   }, { pauseWhenHidden: true });
 * }
 */
export function pulseResource<T>(
  request: () => PulseCall<T> | undefined,
  options: PulseResourceOptions = {},
): PulseResourceRef<T> {
  if (typeof request !== 'function') {
    throw new PulseValidationError('request', 'must be a function returning a call (or undefined)', { value: typeof request });
  }
  if (typeof options !== 'object' || options === null) {
    throw new PulseValidationError('options', 'must be an object', { value: typeof options });
  }
  if (options.pauseWhenHidden !== undefined && typeof options.pauseWhenHidden !== 'boolean') {
    throw new PulseValidationError('options.pauseWhenHidden', 'must be a boolean', { value: typeof options.pauseWhenHidden });
  }
  if (!options.injector) assertInInjectionContext(pulseResource);
  const injector = options.injector ?? inject(Injector);
  const client = injector.get(PULSE_CLIENT);
  const visible$ = options.pauseWhenHidden ? pageVisible(injector.get(DOCUMENT)) : of(true);
  const jobStatus = signal<JobStatusValue | 'submitted' | undefined>(undefined);
  const progress = signal<JobProgressEvent | undefined>(undefined);
  const events = (emitted: Job<T> | JobEvent<T>): Observable<JobEvent<T>> =>
    emitted instanceof Job ? whileVisible((emitted as Job<T>).events$, visible$) : of(emitted as JobEvent<T>);
  const track = (e: JobEvent<T>) => {
    if (e.type === 'submitted') jobStatus.set('submitted');
    if (e.type === 'status') jobStatus.set(e.status);
    if (e.type === 'progress') progress.set(e);
  };
  const resource = rxResource<T | undefined, PulseCall<T> | undefined>({
    injector,
    params: request,
    stream: ({ params: call }) => {
      jobStatus.set(undefined);
      progress.set(undefined);
      return call(client, { awaitJobResult: false }).pipe(
        tap((emitted) => emitted instanceof Job && jobStatus.set('submitted')),
        switchMap(events),
        tap(track),
        filter((e): e is Extract<JobEvent<T>, { type: 'result' }> => e.type === 'result'),
        map((e) => e.data),
      );
    },
  });
  return Object.assign(resource, { jobStatus: jobStatus.asReadonly(), progress: progress.asReadonly() });
}
