import { main as concurrentDatasets } from '../../examples/concurrentDatasets';
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
});
