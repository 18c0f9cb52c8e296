import { DestroyRef, InjectionToken, inject, makeEnvironmentProviders } from '@angular/core';
import type { EnvironmentProviders, Provider } from '@angular/core';
import { PulseClient, PulseValidationError, type HttpClientInstance, type PulseClientOptions } from 'pulse-rx';

/** The app's `PulseClient`: inject it with `injectPulse()` (or `inject(PULSE_CLIENT)`). */
export const PULSE_CLIENT = new InjectionToken<PulseClient>('PULSE_CLIENT');

/** The axios instance a feature (`withHttpClient()`) gives the client. */
export const PULSE_AXIOS = new InjectionToken<HttpClientInstance>('PULSE_AXIOS');

/** An optional part of `providePulse`, such as `withHttpClient()`. */
export interface PulseFeature {
  /** Which feature this is. */
  readonly kind: 'httpClient';
  /** What it adds to the app's providers. */
  readonly providers: Provider[];
}

/**
 * Provides one `PulseClient` to the app (for `bootstrapApplication`'s providers, or a
 * route's): built on first injection, in the injection context (a function of options may
 * `inject()` what it needs, e.g. your token service), and closed when its injector is
 * destroyed. Features such as `withHttpClient()` follow the options.
 *
 * @example
 * import { bootstrapApplication } from '@angular/platform-browser';
 * import { provideHttpClient, withFetch } from '@angular/common/http';
 * import { StaticTokenAuth } from 'pulse-rx';
 * import { providePulse, withHttpClient } from 'pulse-rx/angular';
 *
 * bootstrapApplication(AppComponent, {
 *   providers: [
 *     provideHttpClient(withFetch()),
 *     providePulse({ baseUrl: 'https://pulse.researchwiseai.com/v1', auth: new StaticTokenAuth(token) }, withHttpClient()),
 *   ],
 * });
 */
export function providePulse(
  options: PulseClientOptions | (() => PulseClientOptions),
  ...features: PulseFeature[]
): EnvironmentProviders {
  if (typeof options !== 'function' && (typeof options !== 'object' || options === null || Array.isArray(options))) {
    const value = Array.isArray(options) ? 'array' : typeof options;
    throw new PulseValidationError('options', 'must be the client options or a function returning them', { value });
  }
  features.forEach((feature, i) => {
    const known = typeof feature === 'object' && feature !== null && feature.kind === 'httpClient';
    if (!known || !Array.isArray(feature.providers)) {
      const problem = 'must be a pulse-rx/angular feature such as withHttpClient()';
      throw new PulseValidationError(`features[${i}]`, problem, { value: typeof feature });
    }
  });
  const viaHttpClient = features.some((f) => f.kind === 'httpClient');
  return makeEnvironmentProviders([
    ...features.flatMap((f) => f.providers),
    {
      provide: PULSE_CLIENT,
      useFactory: () => {
        const given = typeof options === 'function' ? options() : options;
        if (viaHttpClient && given?.axios !== undefined) {
          const problem = 'cannot be combined with withHttpClient(): requests go through HttpClient';
          throw new PulseValidationError('options.axios', problem);
        }
        const axios = viaHttpClient ? inject(PULSE_AXIOS) : undefined;
        const client = new PulseClient(axios ? { ...given, axios } : given);
        inject(DestroyRef).onDestroy(() => client.close());
        return client;
      },
    },
  ]);
}

/**
 * The app's `PulseClient`, from an injection context (a constructor, a field initialiser,
 * `runInInjectionContext`). Requires `providePulse(...)`.
 *
 * @example
 * import { Component } from '@angular/core';
 * import { injectPulse } from 'pulse-rx/angular';
 *
 * @Component({ selector: 'app-health', template: '' })
 * export class HealthComponent {
 *   private readonly pulse = injectPulse();
 *   readonly health$ = this.pulse.getHealth();
 * }
 */
export function injectPulse(): PulseClient {
  return inject(PULSE_CLIENT);
}
