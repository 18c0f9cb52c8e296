import nock from 'nock';
import { firstValueFrom } from 'rxjs';
import { PulseApiError } from 'pulse-rx';
import { failure } from '../helpers/failure';
import { api, FILES, resetNock, testClient } from '../helpers/testClient';

const ok = { results: [{ sentiment: 'positive', confidence: 0.9 }], requestId: 'r' };

describe('redirects', () => {
  beforeEach(resetNock);

  it('a 3xx from the API fails as PulseApiError and is not followed (the bearer goes nowhere else)', async () => {
    api().post('/v1/sentiment').reply(307, '', { location: 'https://elsewhere.pulse.test/v1/sentiment' });
    const elsewhere = nock('https://elsewhere.pulse.test').post('/v1/sentiment').reply(200, ok);
    const e = await failure<PulseApiError>(firstValueFrom(testClient({ maxRetries: 0 }).client.analyzeSentiment({ inputs: ['x'], fast: true })));
    expect(e).toBeInstanceOf(PulseApiError);
    expect(e.status).toBe(307);
    expect(elsewhere.isDone()).toBe(false);
  });

  it('the job-status poll (a URL with a query) is an API request too: its 3xx is not followed', async () => {
    api()
      .post('/v1/sentiment').reply(202, { job_id: 'j1' })
      .get('/v1/jobs').query({ jobId: 'j1' }).reply(302, '', { location: 'https://elsewhere.pulse.test/jobs' });
    const elsewhere = nock('https://elsewhere.pulse.test').get('/jobs').reply(200, { status: 'completed' });
    const e = await failure<PulseApiError>(firstValueFrom(testClient({ maxRetries: 0 }).client.analyzeSentiment({ inputs: ['x'] })));
    expect(e.status).toBe(302);
    expect(elsewhere.isDone()).toBe(false);
  });

  it('a result link that redirects is followed, without Authorization', async () => {
    api()
      .post('/v1/sentiment').reply(202, { job_id: 'j1' })
      .get('/v1/jobs').query({ jobId: 'j1' })
      .reply(200, { status: 'completed', result_url: `${FILES}/r/j1.json` });
    nock(FILES, { badheaders: ['authorization'] })
      .get('/r/j1.json').reply(302, '', { location: `${FILES}/store/j1.json` })
      .get('/store/j1.json').reply(200, ok);
    await expect(firstValueFrom(testClient().client.analyzeSentiment({ inputs: ['x'] }))).resolves.toEqual(ok);
    expect(nock.isDone()).toBe(true);
  });
});
