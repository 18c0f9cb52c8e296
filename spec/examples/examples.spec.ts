import { main as clientLifecycle } from '../../examples/clientLifecycle';
import { main as concurrentDatasets } from '../../examples/concurrentDatasets';
import { main as nestStyleService } from '../../examples/nestStyleService';
import { main as expressEndpoint } from '../../examples/expressEndpoint';
import { main as promiseBridge } from '../../examples/promiseBridge';
import { main as sequentialVsConcurrent } from '../../examples/sequentialVsConcurrent';
import { main as errorHandling } from '../../examples/errorHandling';
import { main as jobControl } from '../../examples/jobControl';
import { main as streamingFile } from '../../examples/streamingFile';
import { main as oneShotAndSubscribe } from '../../examples/oneShotAndSubscribe';
import { main as starters } from '../../examples/starters';
import { main as analyzer } from '../../examples/analyzer';
import { main as workflow } from '../../examples/workflow';
import { main as gatherJobs } from '../../examples/gatherJobs';
import { main as connectionPooling } from '../../examples/connectionPooling';

describe('examples run against the emulator', () => {
  beforeAll(() => jest.spyOn(console, 'log').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it('jobControl: saves { id, kind }, streams statuses under a deadline, resumes', async () => {
    const out = await jobControl();
    expect(out.saved).toEqual({ id: expect.stringMatching(/^task\//), kind: 'sentiment' });
    expect(out.statuses.at(-1)).toBe('completed');
    expect(out.sentiments).toEqual(['positive', 'negative', 'positive']); // 'Fair prices': praise
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
    expect(await promiseBridge()).toEqual({ direct: 'positive', piped: ['positive', 'negative'], themes: expect.any(Number) }); // 'Parking was a nightmare'
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

  it('oneShotAndSubscribe: one value from firstValueFrom; statuses then the result from subscribe', async () => {
    const out = await oneShotAndSubscribe();
    expect(out.oneShot).toEqual(['positive', 'negative']);
    expect(out.events[0]).toBe('submitted');
    expect(out.events.at(-1)).toBe('result');
    expect(out.events).toContain('completed');
    expect(out.result).toBe('negative');
  });

  it('starters: themes, sentiment and allocation in three lines', async () => {
    const out = await starters();
    expect(out.themes.length).toBeGreaterThanOrEqual(2);
    expect(Object.values(out.sentiment).reduce((a, b) => a + b, 0)).toBe(40);
    expect(out.firstThree).toHaveLength(3);
    expect(out.csvHeader).toBe('index,text,sentiment,confidence');
  });

  it('analyzer: dependencies first, then everything from the cache', async () => {
    const out = await analyzer();
    expect(out.order.indexOf('themeGeneration')).toBeLessThan(out.order.indexOf('themeAllocation'));
    expect(out.order).toHaveLength(3);
    expect(out.cacheHits).toBe(3);
    expect(out.shares.length).toBeGreaterThanOrEqual(2);
  });

  it('workflow: typed results by name, the graph, and the same from a YAML file', async () => {
    const out = await workflow();
    expect(out.mermaid).toContain('themeGeneration --> allocation');
    expect(out.allocated).toBeGreaterThan(0);
    expect(out.fromFile).toEqual(['cluster', 'sentiment']);
  });

  it('gatherJobs: twelve jobs, five polled at a time, every outcome in order', async () => {
    expect(await gatherJobs()).toEqual({ jobs: 12, fulfilled: 12, inOrder: true });
  });

  it('connectionPooling: pool sized from the concurrency, every call answered', async () => {
    expect(await connectionPooling()).toEqual({ maxSockets: 22, maxFreeSockets: 22, answers: 10 });
  });
});
