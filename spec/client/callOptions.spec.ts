import nock from 'nock';
import { firstValueFrom, toArray } from 'rxjs';
import { Job, JobFailedError, JobTimeoutError } from 'pulse-rx';
import { api, FILES, resetNock, testClient } from '../helpers/testClient';

const result = { results: [{ sentiment: 'positive', confidence: 0.9 }], requestId: 'r' };
const jobId = 'task/core-dev-JobsCluster/8dd1cf';

function jobFlow(statuses: object[]) {
  const scope = api().post('/v1/sentiment').reply(202, { jobId });
  for (const s of statuses) scope.get('/v1/jobs').query({ jobId }).reply(200, s);
  nock(FILES).get('/r.json').reply(200, result);
  return scope;
}
const completed = { status: 'completed', resultUrl: `${FILES}/r.json` };

describe('call options', () => {
  beforeEach(resetNock);

  it("observe: 'events' streams submitted, each new status, the result, then completes", async () => {
    jobFlow([{ status: 'queued' }, { status: 'pending' }, { status: 'pending' }, completed]);
    const { client } = testClient();
    const events = await firstValueFrom(client.analyzeSentiment({ inputs: ['a'] }, { observe: 'events' }).pipe(toArray()));
    expect(events.map((e) => (e.type === 'status' ? e.status : e.type))).toEqual(['submitted', 'queued', 'pending', 'completed', 'result']);
    expect(events[0]).toEqual({ type: 'submitted', jobId });
    expect(events.at(-1)).toEqual({ type: 'result', jobId, data: result });
    const statuses = events.filter((e) => e.type === 'status');
    expect(statuses.map((e) => e.type === 'status' && e.polls)).toEqual([1, 2, 4]);
  });

  it('the job id is URL-encoded (it contains slashes)', async () => {
    api()
      .get(`/v1/jobs?jobId=${encodeURIComponent(jobId)}`)
      .reply(200, { status: 'pending' });
    const { client } = testClient();
    await expect(firstValueFrom(client.jobs.status(jobId))).resolves.toMatchObject({ status: 'pending' });
  });

  it('awaitJobResult: false gives a Job handle right after submission; it serialises to { id, kind }', async () => {
    jobFlow([{ status: 'pending' }, completed]);
    const { client } = testClient();
    const job = await firstValueFrom(client.analyzeSentiment({ inputs: ['a'] }, { awaitJobResult: false }));
    expect(job).toBeInstanceOf(Job);
    expect(JSON.parse(JSON.stringify(job))).toEqual({ id: jobId, kind: 'sentiment' });
    await expect(job.wait()).resolves.toEqual(result);
  });

  it('a job resumes from { id, kind } in another client, as in another process', async () => {
    api().get('/v1/jobs').query({ jobId: 'j-7' }).reply(200, { job_id: 'j-7', status: 'completed', result_url: `${FILES}/r.json` });
    nock(FILES).get('/r.json').reply(200, result);
    const { client } = testClient();
    const job = client.jobs.resume<'sentiment'>({ id: 'j-7', kind: 'sentiment' });
    await expect(firstValueFrom(job.result$)).resolves.toEqual(result);
  });

  it('jobs.poll streams statuses then the result; jobs.result only the result', async () => {
    api()
      .get('/v1/jobs').query({ jobId: 'j-8' }).reply(200, { status: 'pending' })
      .get('/v1/jobs').query({ jobId: 'j-8' }).reply(200, completed)
      .get('/v1/jobs').query({ jobId: 'j-8' }).reply(200, completed);
    nock(FILES).get('/r.json').times(2).reply(200, result);
    const { client } = testClient();
    const events = await firstValueFrom(client.jobs.poll('j-8', 'sentiment').pipe(toArray()));
    expect(events.map((e) => e.type)).toEqual(['status', 'status', 'result']);
    await expect(firstValueFrom(client.jobs.result('j-8', 'sentiment').pipe(toArray()))).resolves.toEqual([result]);
  });

  it('a failed job errors with JobFailedError and the server detail', async () => {
    api().post('/v1/sentiment').reply(202, { job_id: 'j-9' }).get('/v1/jobs').query({ jobId: 'j-9' }).reply(200, { status: 'failed', error: 'model crashed' });
    const { client } = testClient();
    await expect(firstValueFrom(client.analyzeSentiment({ inputs: ['a'] }))).rejects.toEqual(new JobFailedError('j-9', 'failed', 'model crashed'));
  });

  it('a job that never finishes fails with JobTimeoutError after maxWaitMs', async () => {
    api().post('/v1/sentiment').reply(202, { job_id: 'j-10' }).get('/v1/jobs').query({ jobId: 'j-10' }).times(100).reply(200, { status: 'pending' });
    const { client } = testClient();
    await expect(firstValueFrom(client.analyzeSentiment({ inputs: ['a'] }, { poll: { maxWaitMs: 20_000 } }))).rejects.toBeInstanceOf(JobTimeoutError);
  });

  it("fast: 'auto' runs synchronously when the input fits, as a job when it does not", async () => {
    const small = ['a', 'b'];
    const large = Array.from({ length: 201 }, (_, i) => `t${i}`);
    // One result per input: the client checks the count.
    const answer = (n: number) => ({ ...result, results: Array.from({ length: n }, () => result.results[0]) });
    api()
      .post('/v1/sentiment', { inputs: small, fast: true }).reply(200, answer(2))
      .post('/v1/sentiment', { inputs: large }).reply(202, { job_id: 'j-11' })
      .get('/v1/jobs').query({ jobId: 'j-11' }).reply(200, { status: 'completed', result_url: `${FILES}/r.json` });
    nock(FILES).get('/r.json').reply(200, answer(201));
    const { client } = testClient();
    await expect(firstValueFrom(client.analyzeSentiment({ inputs: small, fast: 'auto' }))).resolves.toEqual(answer(2));
    await expect(firstValueFrom(client.analyzeSentiment({ inputs: large, fast: 'auto' }))).resolves.toEqual(answer(201));
  });

  it('a synchronous answer still honours the options: events give the result, awaitJobResult: false a finished Job', async () => {
    api().post('/v1/sentiment').times(2).reply(200, result);
    const { client } = testClient();
    const events = await firstValueFrom(client.analyzeSentiment({ inputs: ['a'], fast: true }, { observe: 'events' }).pipe(toArray()));
    expect(events).toEqual([{ type: 'result', jobId: 'r', data: result }]);
    const job = await firstValueFrom(client.analyzeSentiment({ inputs: ['a'], fast: true }, { awaitJobResult: false }));
    await expect(job.wait()).resolves.toEqual(result);
  });

  it('Job.wait rejects with JobTimeoutError after its own timeout', async () => {
    api().post('/v1/sentiment').reply(202, { job_id: 'j-12' }).get('/v1/jobs').query({ jobId: 'j-12' }).times(1000).reply(200, { status: 'pending' });
    const { client } = testClient({ poll: { minIntervalMs: 10_000, maxIntervalMs: 10_000, jitter: 0 } });
    const job = await firstValueFrom(client.analyzeSentiment({ inputs: ['a'] }, { awaitJobResult: false }));
    await expect(job.wait({ timeoutMs: 50 })).rejects.toBeInstanceOf(JobTimeoutError);
  });

  it('each subscription is its own call (cold), and a call emits exactly one value then completes', async () => {
    const scope = api().post('/v1/sentiment').times(2).reply(200, result);
    const { client } = testClient();
    const call$ = client.analyzeSentiment({ inputs: ['a'], fast: true });
    expect(scope.pendingMocks()).toHaveLength(1); // nothing sent before subscribe
    await expect(firstValueFrom(call$.pipe(toArray()))).resolves.toEqual([result]);
    await expect(firstValueFrom(call$.pipe(toArray()))).resolves.toEqual([result]);
    expect(scope.isDone()).toBe(true);
  });
});
