import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { ClientCredentialsAuth, PulseClient, PulseValidationError, AuthenticationError } from 'pulse-rx';
import { createInMemoryPulse, jobEventLetters } from 'pulse-rx/testing';

describe('createInMemoryPulse: the emulated API behind an axios adapter', () => {
  it('answers a synchronous call with the emulator scores', async () => {
    const pulse = createInMemoryPulse();
    const client = PulseClient.withToken('test', { baseUrl: pulse.baseUrl, axios: pulse.axios });
    const { results } = await firstValueFrom(client.analyzeSentiment({ inputs: ['I love it, wonderful', 'Terrible, awful service'], fast: true }));
    expect(results.map((r) => r.sentiment)).toEqual(['positive', 'negative']);
    expect(pulse.journal().map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual(['POST /v1/sentiment 200']);
    client.close();
  });

  it('runs a job: submitted, statuses while pending on its clock, then the result from the signed link', async () => {
    let clock = 1_000;
    const pulse = createInMemoryPulse({ jobDurationMs: 3, now: () => clock++ });
    const client = PulseClient.withToken('test', { baseUrl: pulse.baseUrl, axios: pulse.axios, poll: { minIntervalMs: 1, maxIntervalMs: 1 } });
    const letters = await lastValueFrom(client.analyzeSentiment({ inputs: ['great'], fast: false }, { observe: 'events' }).pipe(jobEventLetters(), toArray()));
    expect(letters[0]).toBe('s');
    expect(letters.slice(-2)).toEqual(['c', 'r']);
    expect(letters.some((l) => l === 'p' || l === 'q')).toBe(true);
    const paths = pulse.journal().map((e) => `${e.method} ${e.path.split('?')[0]} ${e.status}`);
    expect(paths[0]).toBe('POST /v1/sentiment 202');
    expect(paths.at(-1)).toBe(`GET /results/sentiment/${pulse.journal().at(-1)!.path.split('/').pop()!.split('?')[0]} 200`);
    client.close();
  });

  it('validates request bodies against the spec as the emulator does (400 validation_error)', async () => {
    const pulse = createInMemoryPulse();
    const client = PulseClient.withToken('test', { baseUrl: pulse.baseUrl, axios: pulse.axios, maxRetries: 0 });
    const health = await firstValueFrom(client.getHealth());
    expect(health.status).toBe('ok');
    const res = await pulse.axios.post(`${pulse.baseUrl}/sentiment`, { inputs: 'not a list' }, { validateStatus: () => true });
    expect(res.status).toBe(400);
    expect(res.data).toMatchObject({ code: 'validation_error' });
    await expect(pulse.axios.post(`${pulse.baseUrl}/sentiment`, { inputs: 3 })).rejects.toMatchObject({ response: { status: 400 } });
    client.close();
  });

  it('with requireAuth, a client-credentials client gets a token in memory; a bad token is refused', async () => {
    const pulse = createInMemoryPulse({ requireAuth: true });
    const auth = new ClientCredentialsAuth({ clientId: pulse.clientId, clientSecret: pulse.clientSecret, tokenUrl: pulse.tokenUrl });
    const client = new PulseClient({ baseUrl: pulse.baseUrl, auth, axios: pulse.axios });
    const { results } = await firstValueFrom(client.analyzeSentiment({ inputs: ['fine'], fast: true }));
    expect(results).toHaveLength(1);
    expect(pulse.journal().map((e) => `${e.method} ${e.path} ${e.status} ${e.authorization}`)).toEqual([
      'POST /oauth/token 200 false',
      'POST /v1/sentiment 200 true',
    ]);
    const forged = PulseClient.withToken('forged.token.value', { baseUrl: pulse.baseUrl, axios: pulse.axios, maxRetries: 0 });
    await expect(firstValueFrom(forged.analyzeSentiment({ inputs: ['x'], fast: true }))).rejects.toBeInstanceOf(AuthenticationError);
    client.close();
    forged.close();
  });

  it('unsubscribing aborts the request in flight: the exchange is marked aborted and never answered', async () => {
    const pulse = createInMemoryPulse({ latencyMs: 60_000 });
    const client = PulseClient.withToken('test', { baseUrl: pulse.baseUrl, axios: pulse.axios });
    const sub = client.analyzeSentiment({ inputs: ['x'], fast: true }).subscribe();
    await new Promise((r) => setImmediate(r));
    expect(pulse.journal()).toEqual([expect.objectContaining({ path: '/v1/sentiment', status: 0, aborted: false })]);
    sub.unsubscribe();
    expect(pulse.journal()).toEqual([expect.objectContaining({ path: '/v1/sentiment', status: 0, aborted: true })]);
    client.close();
  });

  it('another host is a connection failure, not an answer', async () => {
    const pulse = createInMemoryPulse();
    const client = PulseClient.withToken('test', { baseUrl: 'https://elsewhere.test/v1', axios: pulse.axios, maxRetries: 0 });
    await expect(firstValueFrom(client.getHealth())).rejects.toMatchObject({ name: 'PulseConnectionError' });
    client.close();
  });

  it('reset() forgets jobs and the journal', async () => {
    const pulse = createInMemoryPulse({ jobDurationMs: 60_000 });
    const client = PulseClient.withToken('test', { baseUrl: pulse.baseUrl, axios: pulse.axios, maxRetries: 0 });
    const job = await firstValueFrom(client.analyzeSentiment({ inputs: ['x'], fast: false }, { awaitJobResult: false }));
    pulse.reset();
    expect(pulse.journal()).toEqual([]);
    const res = await pulse.axios.get(`${pulse.baseUrl}/jobs`, { params: { jobId: job.id }, validateStatus: () => true });
    expect(res.status).toBe(404);
    client.close();
  });

  it.each([
    [{ seed: 'x' }, 'options.seed'],
    [{ jobDurationMs: -1 }, 'options.jobDurationMs'],
    [{ latencyMs: Number.NaN }, 'options.latencyMs'],
    [{ requireAuth: 'yes' }, 'options.requireAuth'],
    [{ origin: 'https://pulse.test/v1' }, 'options.origin'],
    [{ now: 5 }, 'options.now'],
    ['fast', 'options'],
    [{ jobDuration: 5 }, 'options.jobDuration'],
  ])('rejects %p with PulseValidationError naming %s', (options, field) => {
    expect(() => createInMemoryPulse(options as never)).toThrow(PulseValidationError);
    expect(() => createInMemoryPulse(options as never)).toThrow(expect.objectContaining({ field }));
  });

  it('names the option meant when a key is misspelt, with the core error class', () => {
    expect(() => createInMemoryPulse({ jobDurationMS: 5 } as never)).toThrow(PulseValidationError);
    expect(() => createInMemoryPulse({ jobDurationMS: 5 } as never)).toThrow('options.jobDurationMS: unknown option; did you mean jobDurationMs?');
  });
});
