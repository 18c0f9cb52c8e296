import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { firstValueFrom, from } from 'rxjs';
import { allocateThemes, Analyzer, analyzeSentiment, SentimentProcess, Workflow, estimateUsage, gatherJobs, PulseClient, PulseValidationError, StaticTokenAuth, submitAndGatherJobs } from 'pulse-rx';
import { loadWorkflowFile } from 'pulse-rx/node';
import { failure } from '../helpers/failure';
import { fakeServer, sentimentReply, type FakeServer } from './fakeServer';

/**
 * Issue 13 item 9: misuse a user can make is a PulseValidationError naming what to fix,
 * never a TypeError nor a raw Node error.
 */
describe('misuse is a PulseValidationError, never a TypeError', () => {
  let api: FakeServer;
  let client: PulseClient;
  beforeAll(async () => {
    api = await fakeServer(() => sentimentReply());
    client = new PulseClient({ baseUrl: `${api.url}/v1`, auth: new StaticTokenAuth('tok-123456'), maxRetries: 0 });
  });
  afterAll(() => api.close());
  beforeEach(() => (api.seen.length = 0));

  const expectField = async (promise: Promise<unknown>, field: string) => {
    const e = await failure<PulseValidationError>(promise);
    expect(e).toBeInstanceOf(PulseValidationError);
    expect(e.field).toBe(field);
  };

  it.each([{}, 'abort', { aborted: 'no' }, 42])('a signal that is not an AbortSignal (%p)', async (signal) => {
    await expectField(firstValueFrom(client.analyzeSentiment({ inputs: ['x'], fast: true }, { signal: signal as never })), 'options.signal');
    await expectField(firstValueFrom(client.getHealth({ signal: signal as never })), 'options.signal');
    expect(api.seen).toEqual([]);
  });

  it('the estimateUsage starter without options', async () => {
    await expectField(firstValueFrom(estimateUsage(['a'], undefined as never)), 'feature');
  });

  it('the analyzeSentiment operator without a client', () => {
    expect(() => (analyzeSentiment as (c?: unknown) => unknown)()).toThrow(expect.objectContaining({ name: 'PulseValidationError', field: 'client' }));
    expect(() => (analyzeSentiment as (c: unknown) => unknown)({ batchSize: 2 })).toThrow(expect.objectContaining({ field: 'client' }));
  });

  it("allocateThemes with themes: 'x'", () => {
    expect(() => allocateThemes(client, { themes: 'x' as never })).toThrow(expect.objectContaining({ name: 'PulseValidationError', field: 'themes' }));
    expect(() => allocateThemes(client, undefined as never)).toThrow(expect.objectContaining({ name: 'PulseValidationError', field: 'themes' }));
  });

  it("gatherJobs('x') and submitAndGatherJobs of non-functions", async () => {
    await expectField(firstValueFrom(gatherJobs('x' as never)), 'jobs');
    await expectField(firstValueFrom(gatherJobs([{ id: 1 }] as never)), 'jobs[0]');
    await expectField(firstValueFrom(gatherJobs([], { concurrency: 0 })), 'config.concurrency');
    await expectField(firstValueFrom(submitAndGatherJobs(['x'] as never)), 'submitters[0]');
  });

  it('loadWorkflowFile on a missing file', async () => {
    const e = await failure<PulseValidationError>(firstValueFrom(loadWorkflowFile(join(tmpdir(), 'no-such-pulse-workflow.yaml'))));
    expect(e).toBeInstanceOf(PulseValidationError);
    expect(e.field).toBe('path');
    expect(e.message).toContain('ENOENT');
  });

  it('Analyzer and Workflow run options are checked by the same rules', async () => {
    const processes = [new SentimentProcess()];
    expect(() => new Analyzer({ dataset: ['a'], processes, client, timeoutMs: Number.NaN })).toThrow(
      expect.objectContaining({ name: 'PulseValidationError', field: 'timeoutMs' }),
    );
    const workflow = new Workflow().source('r', ['a']).sentiment();
    await expectField(firstValueFrom(workflow.run({ client, signal: {} as never })), 'options.signal');
    expect(api.seen).toEqual([]);
  });

  it('an operator over a valid stream still works', async () => {
    await expect(firstValueFrom(from(['a']).pipe(analyzeSentiment(client, { fast: true })))).resolves.toMatchObject({ index: 0, text: 'a' });
  });
});
