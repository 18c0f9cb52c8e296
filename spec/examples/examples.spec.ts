import { main as clientLifecycle } from '../../examples/clientLifecycle';
import { main as concurrentDatasets } from '../../examples/concurrentDatasets';
import { main as nestStyleService } from '../../examples/nestStyleService';
import { main as expressEndpoint } from '../../examples/expressEndpoint';
import { main as promiseBridge } from '../../examples/promiseBridge';
import { main as sequentialVsConcurrent } from '../../examples/sequentialVsConcurrent';
import { main as errorHandling } from '../../examples/errorHandling';
import { main as jobControl } from '../../examples/jobControl';
import { main as streamingFile } from '../../examples/streamingFile';

describe('examples run against the emulator', () => {
  beforeAll(() => jest.spyOn(console, 'log').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it('jobControl: saves { id, kind }, streams statuses under a deadline, resumes', async () => {
    const out = await jobControl();
    expect(out.saved).toEqual({ id: expect.stringMatching(/^task\//), kind: 'sentiment' });
    expect(out.statuses.at(-1)).toBe('completed');
    expect(out.sentiments).toEqual(['positive', 'negative', 'neutral']);
  });

  it('errorHandling: each failure arrives as its typed error', async () => {
    expect(await errorHandling()).toEqual({
      invalid: 'invalid inputs[1]: inputs[1]: must not be empty',
      slow: 'timed out after 200 ms',
      refused: 'API said 402 insufficient_credits',
    });
  });

  it('concurrentDatasets: every dataset has its outcome, in order', async () => {
    const out = await concurrentDatasets();
    expect(out.map((d) => [d.name, d.status])).toEqual([
      ['park', 'fulfilled'],
      ['hotel', 'fulfilled'],
      ['cafe', 'fulfilled'],
    ]);
  });

  it('streamingFile: 5,000 CSV rows streamed with backpressure, none lost', async () => {
    const counts = await streamingFile();
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(5000);
  });

  it('expressEndpoint: one cold call per HTTP request; bad input is a 400 naming the field', async () => {
    const out = await expressEndpoint();
    expect(out.ok).toEqual({ status: 200, body: { results: [expect.objectContaining({ sentiment: 'positive' }), expect.objectContaining({ sentiment: 'negative' })] } });
    expect(out.bad).toEqual({ status: 400, body: { field: 'inputs[1]', message: 'inputs[1]: must not be empty' } });
  });

  it('promiseBridge: Observables to Promises and back', async () => {
    expect(await promiseBridge()).toEqual({ direct: 'positive', piped: ['positive', 'neutral'], themes: expect.any(Number) });
  });

  it('sequentialVsConcurrent: concurrency beats the sequential loop', async () => {
    const out = await sequentialVsConcurrent();
    // Not a timing assertion on the machine's speed: 6 calls of >= 100 ms each cannot run
    // sequentially in less than 600 ms, and the concurrent forms overlap them.
    expect(out.sequentialMs).toBeGreaterThanOrEqual(600);
    expect(out.forkJoinMs).toBeLessThan(out.sequentialMs);
    expect(out.concurrentMapMs).toBeLessThan(out.sequentialMs);
  });

  it('nestStyleService: an injected client, Observables out, close on destroy', async () => {
    const report = await nestStyleService();
    expect(report).toMatchObject({ count: 4, positive: 2 });
    expect(report.themes.length).toBeGreaterThan(0);
  });

  it('clientLifecycle: using, finalize and close()', async () => {
    expect(await clientLifecycle()).toEqual({ first: 'positive', closedByFinalize: true, closed: 'client closed' });
  });
});
