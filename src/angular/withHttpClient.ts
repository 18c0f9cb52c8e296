import { HttpClient } from '@angular/common/http';
import { inject } from '@angular/core';
import axios from 'axios';
import { httpClientAdapter } from './httpClientAdapter';
import { PULSE_AXIOS, type PulseFeature } from './providePulse';

/**
 * Sends the client's requests through Angular's `HttpClient` (an axios adapter delegating to
 * it): the app's interceptors see them, `HttpTestingController` answers them in tests, and
 * `HttpClient`'s backend (XHR, or `withFetch()`) carries them. Unsubscribing still aborts the
 * request in flight. Needs `provideHttpClient(...)` in the same injector or above.
 *
 * @example
 * import { provideHttpClient, withInterceptors } from '@angular/common/http';
 * import { providePulse, withHttpClient } from 'pulse-rx/angular';
 *
 * const providers = [
 *   provideHttpClient(withInterceptors([(req, next) => next(req.clone({ setHeaders: { 'x-app': 'reviews' } }))])),
 *   providePulse({ baseUrl: 'https://pulse.researchwiseai.com/v1' }, withHttpClient()),
 * ];
 */
export function withHttpClient(): PulseFeature {
  return {
    kind: 'httpClient',
    providers: [{ provide: PULSE_AXIOS, useFactory: () => axios.create({ adapter: httpClientAdapter(inject(HttpClient)) }) }],
  };
}
