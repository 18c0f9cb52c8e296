// A CommonJS helper inside an ES module app: it gets pulse-rx's CommonJS copy.
const { PulseClient, PulseValidationError, PulseError } = require('pulse-rx');

module.exports = {
  makeClient: (e) =>
    PulseClient.withClientCredentials({
      baseUrl: e.url, tokenUrl: e.tokenUrl, clientId: e.clientId, clientSecret: e.clientSecret,
      poll: { minIntervalMs: 10, maxIntervalMs: 40 },
    }),
  fail: () => {
    throw new PulseValidationError('inputs[0]', 'must not be empty');
  },
  isPulseError: (err) => err instanceof PulseError && PulseError.is(err),
  // pulse-rx/bullmq through require: its errors are this (CommonJS) copy's classes.
  failFleet: () => require('pulse-rx/bullmq').createPulseQueue({ connection: { host: '127.0.0.1' }, nmae: 'typo' }),
  PulseValidationError,
  PulseClient,
};
