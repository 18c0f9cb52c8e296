// Runs one compiled README block after the preamble; exits non-zero on any failure,
// including an error that reaches a subscriber without an error callback.
const { setup } = await import('./out/preamble.mjs');
const teardown = await setup();
await import(`./out/${process.argv[2]}`);
await teardown();
process.exit(0);
