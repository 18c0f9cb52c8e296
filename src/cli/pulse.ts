#!/usr/bin/env node
import { runPulse } from './runPulse';

runPulse(process.argv.slice(2), process).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`pulse: unexpected failure: ${String(e)}\n`);
    process.exitCode = 1;
  },
);
