import { InjectionToken, inject, runInInjectionContext } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { PulseClient, PulseValidationError } from 'pulse-rx';
import { PULSE_CLIENT, injectPulse, providePulse, withHttpClient, type PulseFeature } from 'pulse-rx/angular';
import { createInMemoryPulse } from 'pulse-rx/testing';
import { testApp, until } from './testApp';

describe('providePulse / injectPulse', () => {
  it('provides one client, built from options that may inject; injectPulse() returns it', async () => {
    const pulse = createInMemoryPulse();
    const BASE = new InjectionToken<string>('BASE');
    const { app } = await testApp([
      { provide: BASE, useValue: pulse.baseUrl },
      providePulse(() => ({ baseUrl: inject(BASE), axios: pulse.axios, maxRetries: 0 })),
    ]);
    const client = runInInjectionContext(app.injector, () => injectPulse());
    expect(client).toBeInstanceOf(PulseClient);
    expect(app.injector.get(PULSE_CLIENT)).toBe(client);
    const { results } = await firstValueFrom(client.analyzeSentiment({ inputs: ['Wonderful staff'], fast: true }));
    expect(results[0]!.sentiment).toBe('positive');
    app.destroy();
  });

  it('closes the client when the injector is destroyed: the request in flight is aborted', async () => {
    const pulse = createInMemoryPulse({ latencyMs: 60_000 });
    const { app } = await testApp([providePulse({ baseUrl: pulse.baseUrl, axios: pulse.axios })]);
    let failed: unknown;
    app.injector.get(PULSE_CLIENT).getHealth().subscribe({ error: (e: unknown) => (failed = e) });
    await until(() => pulse.journal().length === 1);
    app.destroy();
    expect(pulse.journal()).toEqual([expect.objectContaining({ path: '/v1/health', aborted: true })]);
    expect(failed).toMatchObject({ name: 'PulseAbortError' });
  });

  it('injectPulse outside an injection context fails with Angular\'s NG0203', () => {
    expect(() => injectPulse()).toThrow(/NG0203/);
  });

  it.each([
    [null, 'options'],
    [[], 'options'],
    ['https://x', 'options'],
  ])('providePulse(%p) throws PulseValidationError naming %s', (options, field) => {
    expect(() => providePulse(options as never)).toThrow(PulseValidationError);
    expect(() => providePulse(options as never)).toThrow(expect.objectContaining({ field }));
  });

  it('rejects what is not a feature, and an axios instance together with withHttpClient()', async () => {
    expect(() => providePulse({}, { kind: 'other', providers: [] } as unknown as PulseFeature)).toThrow(expect.objectContaining({ field: 'features[0]' }));
    const pulse = createInMemoryPulse();
    const { app } = await testApp([providePulse({ baseUrl: pulse.baseUrl, axios: pulse.axios }, withHttpClient())]);
    expect(() => app.injector.get(PULSE_CLIENT)).toThrow(expect.objectContaining({ name: 'PulseValidationError', field: 'options.axios' }));
    app.destroy();
  });
});
