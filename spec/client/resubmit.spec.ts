import { firstValueFrom } from 'rxjs';
import { JobFailedError, PulseValidationError } from 'pulse-rx';
import { failure } from '../helpers/failure';
import { API, api, resetNock, testClient } from '../helpers/testClient';

const body = { results: [{ sentiment: 'positive', confidence: 0.9 }] };

function failedThenCompleted(keys: string[]) {
  api()
    .post('/v1/sentiment')
    .times(2)
    .reply(function () {
      keys.push(String(this.req.headers['idempotency-key']));
      return [202, { job_id: `job-${keys.length}` }];
    });
  api().get('/v1/jobs').query({ jobId: 'job-1' }).reply(200, { status: 'failed', detail: 'worker lost' });
  api().get('/v1/jobs').query({ jobId: 'job-2' }).reply(200, { status: 'completed', result_url: `${API}/results/2` });
  api().get('/results/2').reply(200, body);
}

describe('resubmitFailedJobs', () => {
  beforeEach(resetNock);

  it('submits a failed job again, with a new idempotency key, and emits its result', async () => {
    const keys: string[] = [];
    failedThenCompleted(keys);
    const { client } = testClient({ resubmitFailedJobs: 1 });
    expect(await firstValueFrom(client.analyzeSentiment({ inputs: ['Great'], fast: false }))).toEqual(body);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(`${keys[0]}.resubmit-1`);
  });

  it('is off by default: the call fails with JobFailedError and nothing is resubmitted', async () => {
    api().post('/v1/sentiment').reply(202, { job_id: 'job-1' });
    api().get('/v1/jobs').query({ jobId: 'job-1' }).reply(200, { status: 'failed' });
    const { client } = testClient();
    expect(await failure(firstValueFrom(client.analyzeSentiment({ inputs: ['Great'], fast: false })))).toBeInstanceOf(JobFailedError);
  });

  it('is an integer from 0 to 5', () => {
    expect(() => testClient({ resubmitFailedJobs: 6 })).toThrow(PulseValidationError);
    expect(() => testClient({ resubmitFailedJobs: 0.5 })).toThrow(PulseValidationError);
  });
});
