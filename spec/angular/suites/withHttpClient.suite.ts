import { provideHttpClient, withInterceptors, type HttpRequest } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import type { ApplicationRef } from '@angular/core';
import { lastValueFrom, toArray } from 'rxjs';
import { BadRequestError, PulseConnectionError, StaticTokenAuth, type PulseClient } from 'pulse-rx';
import { PULSE_CLIENT, providePulse, withHttpClient } from 'pulse-rx/angular';
import { testApp, until } from './testApp';

describe('withHttpClient: requests go through Angular HttpClient (interceptors, HttpTestingController)', () => {
  let app: ApplicationRef;
  let http: HttpTestingController;
  let client: PulseClient;
  let seen: string[];

  beforeEach(async () => {
    seen = [];
    const record = (req: HttpRequest<unknown>, next: (r: HttpRequest<unknown>) => ReturnType<Parameters<typeof withInterceptors>[0][0]>) => {
      seen.push(`${req.method} ${req.urlWithParams}`);
      return next(req.clone({ setHeaders: { 'x-app': 'reviews' } }));
    };
    ({ app } = await testApp([
      provideHttpClient(withInterceptors([record])),
      provideHttpClientTesting(),
      providePulse({ baseUrl: 'https://pulse.test/v1', auth: new StaticTokenAuth('t0ken-value'), maxRetries: 0, poll: { minIntervalMs: 1, maxIntervalMs: 1, jitter: 0 } }, withHttpClient()),
    ]));
    http = app.injector.get(HttpTestingController);
    client = app.injector.get(PULSE_CLIENT);
  });
  afterEach(() => app.destroyed || app.destroy());

  /** The next request HttpTestingController holds that matches (requests leave after timers and promises). */
  const next = async (match: (r: HttpRequest<unknown>) => boolean): Promise<TestRequest> => {
    let found: TestRequest[] = [];
    await until(() => (found = http.match(match)).length > 0);
    expect(found).toHaveLength(1);
    return found[0]!;
  };

  it('a job runs entirely on flushed answers: submit, two status reads, the result link; the interceptor sees each', async () => {
    const events = lastValueFrom(client.analyzeSentiment({ inputs: ['Lovely'], fast: false }, { observe: 'events' }).pipe(toArray()));
    events.catch(() => undefined); // a failed step below must not leave an unhandled rejection
    const submit = await next((r) => r.url === 'https://pulse.test/v1/sentiment');
    expect(submit.request.method).toBe('POST');
    expect(JSON.parse(submit.request.body as string)).toMatchObject({ inputs: ['Lovely'] });
    expect(submit.request.headers.get('authorization')).toBe('Bearer t0ken-value');
    expect(submit.request.headers.get('x-app')).toBe('reviews');
    submit.flush({ job_id: 'task/1' }, { status: 202, statusText: 'Accepted' });
    (await next((r) => r.url.startsWith('https://pulse.test/v1/jobs'))).flush({ status: 'pending' });
    const link = 'https://store.test/results/1.json?signature=abc';
    (await next((r) => r.url.startsWith('https://pulse.test/v1/jobs'))).flush({ status: 'completed', result_url: link });
    const download = await next((r) => r.url.startsWith('https://store.test/'));
    expect(download.request.headers.has('authorization')).toBe(false);
    download.flush({ results: [{ sentiment: 'positive', confidence: 0.9 }] });
    expect((await events).map((e) => (e.type === 'status' ? e.status : e.type))).toEqual(['submitted', 'pending', 'completed', 'result']);
    expect(seen).toEqual([
      'POST https://pulse.test/v1/sentiment',
      'GET https://pulse.test/v1/jobs?jobId=task%2F1',
      'GET https://pulse.test/v1/jobs?jobId=task%2F1',
      `GET ${link}`,
    ]);
    http.verify();
  });

  it('an error status becomes the client error; a network failure (status 0) a connection error', async () => {
    const bad = lastValueFrom(client.getHealth());
    (await next((r) => r.url.endsWith('/health'))).flush({ code: 'bad_thing', message: 'No good' }, { status: 400, statusText: 'Bad Request' });
    await expect(bad).rejects.toEqual(expect.any(BadRequestError));
    await expect(bad).rejects.toMatchObject({ status: 400, message: expect.stringContaining('No good') });
    const down = lastValueFrom(client.getHealth());
    (await next((r) => r.url.endsWith('/health'))).error(new Event('error') as ProgressEvent, { status: 0 });
    await expect(down).rejects.toEqual(expect.any(PulseConnectionError));
  });

  it('unsubscribing cancels the HttpClient request in flight', async () => {
    const subscription = client.getHealth().subscribe();
    const req = await next((r) => r.url.endsWith('/health'));
    expect(req.cancelled).toBe(false);
    subscription.unsubscribe();
    expect(req.cancelled).toBe(true);
  });

  it('destroying the application closes the client: the request in flight is cancelled', async () => {
    client.getHealth().subscribe({ error: () => undefined });
    const req = await next((r) => r.url.endsWith('/health'));
    app.destroy();
    expect(req.cancelled).toBe(true);
  });
});
