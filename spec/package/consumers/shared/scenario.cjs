// One scenario, run by every JavaScript consumer with the modules it loaded its own way
// (require, import, or both). It returns plain facts the test compares.
const { join } = require('node:path');

module.exports = async function scenario({ core, node, emulator, rxjs, dir, client: given }) {
  const { firstValueFrom, switchMap } = rxjs;
  const e = await emulator.startEmulator({ jobDurationMs: 30 });
  const client =
    given?.(e) ??
    core.PulseClient.withClientCredentials({
      baseUrl: e.url, tokenUrl: e.tokenUrl, clientId: e.clientId, clientSecret: e.clientSecret,
      poll: { minIntervalMs: 10, maxIntervalMs: 40 },
    });
  const facts = {};
  const failure = async (run) => {
    try {
      await run();
      return 'no error';
    } catch (err) {
      return {
        name: err.name,
        // One copy of each class per module system: the Node entry's error is the core's class.
        sameCopy: Object.getPrototypeOf(err) === core[err.name]?.prototype,
        pulseError: err instanceof core.PulseError,
        isPulseError: core.PulseError.is(err),
        validation: err instanceof core.PulseValidationError,
        apiError: err instanceof core.PulseApiError,
        rateLimit: err instanceof core.RateLimitError || core.RateLimitError.is(err),
      };
    }
  };
  try {
    // A client from the core entry, used by the Node entry's file starter.
    const sentiment = await firstValueFrom(node.sentimentAnalysis(join(dir, 'reviews.csv'), { column: 'comment', client }));
    facts.sentiment = { total: sentiment.summary().total, isResult: sentiment instanceof core.SentimentResult };
    // A workflow loaded by the Node entry, run with the core entry's client.
    const results = await firstValueFrom(node.loadWorkflowFile(join(dir, 'pipeline.yaml')).pipe(switchMap((w) => w.run(client))));
    facts.workflow = results.names.sort();
    // Errors raised in one entry, caught with the other's classes.
    facts.missingFile = await failure(() => firstValueFrom(node.readTextsFile(join(dir, 'missing.csv'))));
    e.faults.set([{ path: '/sentiment', action: { type: 'status', status: 503 }, times: 10 }]);
    facts.serverError = await failure(() => firstValueFrom(client.analyzeSentiment({ inputs: ['x'], fast: true })));
  } finally {
    client.close();
    await e.close();
  }
  return facts;
};
