import { takeViolations } from 'pulse-rx/emulator';

// Every emulator started by a test checks its answers against the spec (issue 17.4): a
// violation is a 500 to the client and fails the test that caused it here, even when the
// client coped with the 500 (retries) or the test expected an error.
process.env.PULSE_EMULATOR_STRICT = '1';

beforeEach(() => {
  takeViolations();
});

afterEach(() => {
  const violations = takeViolations();
  if (violations.length) throw new Error(`The emulator broke the spec:\n${violations.join('\n')}`);
});
