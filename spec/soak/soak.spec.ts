import { runSoak } from './soak';

/**
 * The short chaos soak (`npm run soak` is the 20,000-text one): 2,000 texts through the
 * batching pipeline and a Workflow under the full fault mix, with 2-second tokens.
 */
describe('chaos soak (short)', () => {
  it('loses, duplicates, reorders and changes nothing, and the journal keeps every rule', async () => {
    const f = await runSoak({ texts: 2000, seed: 11, batchSize: 100, concurrency: 8, tokenTtlSeconds: 2 });
    expect(Object.values(f.faults).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect({
      lost: f.lost,
      duplicates: f.duplicates,
      mismatched: f.mismatched,
      outOfOrder: f.outOfOrder,
      authorizationToResultHost: f.authorizationToResultHost,
      submissionsPastPolicy: f.submissionsPastPolicy,
      retriesTooEarly: f.retriesTooEarly,
    }).toEqual({ lost: 0, duplicates: 0, mismatched: 0, outOfOrder: 0, authorizationToResultHost: 0, submissionsPastPolicy: 0, retriesTooEarly: 0 });
  }, 120_000);
});
