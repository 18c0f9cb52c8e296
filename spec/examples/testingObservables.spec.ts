import { firstValueFrom } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import type { SentimentResponse } from 'pulse-rx';
import { positiveShare, type SentimentApi } from '../../examples/testingObservables';
import { withEmulator } from '../../examples/support/withEmulator';

describe('examples/testingObservables', () => {
  it('marbles: a fake client answering after 20 ms of virtual time', () => {
    const ts = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    ts.run(({ cold, expectObservable }) => {
      const answer: SentimentResponse = {
        results: [
          { sentiment: 'positive', confidence: 0.9 },
          { sentiment: 'negative', confidence: 0.8 },
        ],
        requestId: 'fake',
      };
      const fake = { analyzeSentiment: () => cold('20ms (r|)', { r: answer }) } as unknown as SentimentApi;
      expectObservable(positiveShare(fake, ['good', 'bad'])).toBe('20ms (s|)', { s: 0.5 });
    });
  });

  it('end to end: the emulator and firstValueFrom', async () => {
    const share = await withEmulator((client) => firstValueFrom(positiveShare(client, ['I love it', 'It is awful', 'Great fun', 'A chair'])));
    expect(share).toBe(0.5);
  });
});
