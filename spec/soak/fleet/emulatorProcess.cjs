/**
 * The fleet soak's emulator in a process of its own (the built package), as the hosted service
 * is: its journal stamps each request when it arrives, not when a test driver sharing its event
 * loop gets round to it. Env: PULSE_DIST (the dist folder), EMULATOR_OPTIONS (JSON).
 * Prints one JSON line {url, tokenUrl, origin, clientId, clientSecret} once listening; the
 * journal is read at `origin/_emulator/journal`; SIGTERM closes it.
 */
const { join } = require('node:path');
const { startEmulator } = require(join(process.env.PULSE_DIST, 'emulator.js'));

startEmulator(JSON.parse(process.env.EMULATOR_OPTIONS)).then((emulator) => {
  const { url, tokenUrl, origin, clientId, clientSecret } = emulator;
  process.stdout.write(`${JSON.stringify({ url, tokenUrl, origin, clientId, clientSecret })}\n`);
  process.on('SIGTERM', () => emulator.close().then(() => process.exit(0)));
});
