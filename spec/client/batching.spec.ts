import nock from 'nock';
import { firstValueFrom } from 'rxjs';
import { BadRequestError, PulseBatchError, type SentimentItem } from 'pulse-rx';
import { failure } from '../helpers/failure';
import { api, resetNock, testClient } from '../helpers/testClient';

const texts = (n: number) => Array.from({ length: n }, (_, i) => `text ${i}`);
/** A sentiment reply whose confidence encodes each input's global index. */
const replyFor = (inputs: string[]) => ({
  results: inputs.map((t): SentimentItem => ({ sentiment: 'neutral', confidence: Number(t.split(' ')[1]) / 10_000 })),
  requestId: `req-${inputs[0]}`,
  usage: { records: [{ feature: 'sentiment', quantity: inputs.length }], total: inputs.length },
});

/** Three batches of sentiment, the second refused with a 400. */
function failSecondBatch(): void {
  api()
    .post('/v1/sentiment')
    .times(3)
    .reply((_uri, body) => {
      const { inputs } = body as { inputs: string[] };
      return inputs[0] === 'text 200' ? [400, { code: 'validation_error', message: 'nope' }] : [200, replyFor(inputs)];
    });
}

describe('automatic batching (nock)', () => {
  beforeEach(resetNock);

  it('splits at the exact mode limit and stitches results back in input order, usage summed', async () => {
    const sizes: number[] = [];
    api()
      .post('/v1/sentiment')
      .times(3)
      .reply((_uri, body) => {
        const { inputs } = body as { inputs: string[] };
        sizes.push(inputs.length);
        return [200, replyFor(inputs)];
      });
    const { client } = testClient();
    const res = await firstValueFrom(client.analyzeSentiment({ inputs: texts(450), fast: true }));
    expect(sizes.sort((a, b) => b - a)).toEqual([200, 200, 50]);
    expect(res.results.map((r) => Math.round(r.confidence * 10_000))).toEqual(texts(450).map((_, i) => i));
    expect(res.usage).toEqual({ records: [{ feature: 'sentiment', quantity: 450 }], total: 450 });
    expect(res.requestIds).toEqual(['req-text 0', 'req-text 200', 'req-text 400']);
  });

  it('keeps order under random batch latency and never exceeds the concurrency', async () => {
    let inFlight = 0;
    let peak = 0;
    api()
      .post('/v1/sentiment')
      .times(12)
      .delay(5)
      .reply(async (_uri, body) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        const { inputs } = body as { inputs: string[] };
        await new Promise((r) => setTimeout(r, (Number(inputs[0]!.split(' ')[1]) * 7) % 40));
        inFlight--;
        return [200, replyFor(inputs)];
      });
    const { client } = testClient();
    const res = await firstValueFrom(client.analyzeSentiment({ inputs: texts(12 * 200), fast: true }, { concurrency: 3 }));
    expect(res.results.map((r) => Math.round(r.confidence * 10_000))).toEqual(texts(2400).map((_, i) => i));
    expect(peak).toBeLessThanOrEqual(3);
    expect(peak).toBeGreaterThan(1);
  });

  it('a batch that still fails fails the call, naming the batch, with no partial result', async () => {
    failSecondBatch();
    const { client } = testClient();
    const e = await failure<PulseBatchError>(firstValueFrom(client.analyzeSentiment({ inputs: texts(450), fast: true }, { concurrency: 1 })));
    expect(e).toBeInstanceOf(PulseBatchError);
    expect(e.batchIndex).toBe(1);
    expect(e.batchCount).toBe(3);
    expect(e.cause).toBeInstanceOf(BadRequestError);
    expect(e.message).toBe('batch 2 of 3 failed: nope');
  });

  it('settle: true gives every batch outcome instead', async () => {
    failSecondBatch();
    const { client } = testClient();
    const { batches } = await firstValueFrom(client.analyzeSentiment({ inputs: texts(450), fast: true }, { settle: true }));
    expect(batches.map((b) => b.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(batches[0]!.status === 'fulfilled' && batches[0]!.value.results).toHaveLength(200);
    expect(batches[1]!.status === 'rejected' && batches[1]!.error).toBeInstanceOf(BadRequestError);
  });

  it('themes over the limit are sampled evenly into one call', async () => {
    let sent: string[] = [];
    api()
      .post('/v1/themes')
      .reply((_uri, body) => {
        sent = (body as { inputs: string[] }).inputs;
        return [200, { themes: [], requestId: 'r' }];
      });
    const { client } = testClient();
    await firstValueFrom(client.generateThemes({ inputs: texts(300), fast: true }));
    expect(sent).toHaveLength(200);
    expect(sent.slice(0, 3)).toEqual(['text 0', 'text 1', 'text 3']);
  });

  it('observe: events is refused with settle: true, before anything is sent', async () => {
    const { client } = testClient();
    const call$ = client.analyzeSentiment({ inputs: texts(201), fast: true }, { observe: 'events', settle: true });
    await expect(firstValueFrom(call$)).rejects.toMatchObject({
      name: 'PulseValidationError',
      field: 'options.observe',
    });
    expect(nock.pendingMocks()).toEqual([]);
  });
});
