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

// A module, not a script: in a "type": "commonjs" package esbuild reads a file with no export as
// CommonJS and wraps every module it imports in a lazy initialiser (`__esm`), which the shared
// chunks then carry into the core entry and no bundler can tree-shake.
export {};
