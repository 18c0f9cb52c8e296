import { signal, type ApplicationRef } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { AuthenticationError, PulseValidationError } from 'pulse-rx';
import { PULSE_CLIENT, providePulse, pulseResource, type PulseCall } from 'pulse-rx/angular';
import { createInMemoryPulse, type InMemoryPulse, type InMemoryPulseOptions } from 'pulse-rx/testing';
import { testApp, until, type FakeDocument } from './testApp';


describe('pulseResource: a signal resource of one Pulse call', () => {
  let app: ApplicationRef;
  let document: FakeDocument;
  let pulse: InMemoryPulse;
  const start = async (kit: InMemoryPulseOptions, intervalMs = 1) => {
    pulse = createInMemoryPulse(kit);
    const poll = { strategy: 'exponential' as const, minIntervalMs: intervalMs, maxIntervalMs: intervalMs };
    ({ app, document } = await testApp([providePulse({ baseUrl: pulse.baseUrl, axios: pulse.axios, maxRetries: 0, poll })]));
  };
  afterEach(() => app.destroyed || app.destroy());

  const texts = signal<string[]>([]);
  const sentimentOf = (): PulseCall<{ results: { sentiment: string }[] }> | undefined => {
    const inputs = texts();
    return inputs.length ? (client, options) => client.analyzeSentiment({ inputs, fast: false }, options) : undefined;
  };
  const jobReads = () => pulse.journal().filter((e) => e.path.startsWith('/v1/jobs')).length;

  it('loads, follows the job status, and resolves with the result', async () => {
    let clock = 0;
    await start({ jobDurationMs: 4, now: () => (clock += 1) });
    texts.set(['Lovely staff, wonderful day']);
    const mood = pulseResource(sentimentOf, { injector: app.injector });
    const seen = new Set<string>();
    await until(() => (seen.add(`${mood.status()} ${mood.jobStatus() ?? '-'}`), mood.status() === 'resolved'));
    expect(mood.value()!.results[0]!.sentiment).toBe('positive');
    expect(mood.jobStatus()).toBe('completed');
    expect(mood.error()).toBeUndefined();
    expect([...seen][0]).toBe('loading -');
    expect([...seen]).toContain('resolved completed');
    expect(pulse.journal().map((e) => `${e.method} ${e.path.split('?')[0]}`)[0]).toBe('POST /v1/sentiment');
  });

  it('a call may stream its events instead of a Job handle (observe: events): same value and job status', async () => {
    await start({});
    const mood = pulseResource<{ results: { sentiment: string }[] }>(() => (client) => client.analyzeSentiment({ inputs: ['Awful queues'], fast: false }, { observe: 'events' }), {
      injector: app.injector,
    });
    await until(() => mood.status() === 'resolved');
    expect(mood.value()!.results[0]!.sentiment).toBe('negative');
    expect(mood.jobStatus()).toBe('completed');
  });

  it('is idle (and sends nothing) while the request is undefined', async () => {
    await start({});
    texts.set([]);
    const mood = pulseResource(sentimentOf, { injector: app.injector });
    await app.whenStable();
    expect(mood.status()).toBe('idle');
    expect(pulse.journal()).toEqual([]);
  });

  it('a new request cancels the call in flight and starts another', async () => {
    await start({ latencyMs: 60_000 });
    texts.set(['first']);
    const mood = pulseResource(sentimentOf, { injector: app.injector });
    await until(() => pulse.journal().length === 1);
    texts.set(['second']);
    await until(() => pulse.journal().length === 2);
    expect(pulse.journal().map((e) => `${e.path} aborted=${e.aborted}`)).toEqual(['/v1/sentiment aborted=true', '/v1/sentiment aborted=false']);
    expect(mood.status()).toBe('loading');
  });

  it('a failed call shows as status error with the client error', async () => {
    await start({ requireAuth: true });
    texts.set(['x']);
    const mood = pulseResource(sentimentOf, { injector: app.injector });
    await until(() => mood.status() === 'error');
    expect(mood.error()).toEqual(expect.any(AuthenticationError));
  });

  it('pauseWhenHidden: no status read while the page is hidden', async () => {
    await start({ jobDurationMs: 1e9 });
    texts.set(['waiting']);
    const mood = pulseResource(sentimentOf, { injector: app.injector, pauseWhenHidden: true });
    await until(() => jobReads() >= 3);
    document.setVisible(false);
    const hiddenAt = jobReads();
    // Twenty round trips through the same API, each at least one timer turn: a 1 ms poll
    // timer still alive would have fired many times meanwhile.
    const client = app.injector.get(PULSE_CLIENT);
    for (let i = 0; i < 20; i++) await firstValueFrom(client.getHealth());
    expect(jobReads()).toBe(hiddenAt);
    expect(mood.status()).toBe('loading');
    document.setVisible(true);
    await until(() => jobReads() > hiddenAt);
  });

  it('pauseWhenHidden: showing the page again reads the status at once (not after the poll interval)', async () => {
    await start({ jobDurationMs: 1e9 }, 3_600_000);
    texts.set(['waiting']);
    pulseResource(sentimentOf, { injector: app.injector, pauseWhenHidden: true });
    await until(() => jobReads() === 1);
    document.setVisible(false);
    document.setVisible(true);
    // The next read is an hour away on the poll timer: only resuming reads now.
    await until(() => jobReads() === 2);
  });

  it.each([
    ['request', () => pulseResource('x' as never, {})],
    ['options.pauseWhenHidden', () => pulseResource(sentimentOf, { pauseWhenHidden: 'yes' as never })],
  ])('rejects a bad %s with PulseValidationError', (field, make) => {
    expect(make).toThrow(PulseValidationError);
    expect(make).toThrow(expect.objectContaining({ field }));
  });
});
