// Runs the TypeScript examples with ts-node (transpile only), importing `pulse-rx` by name:
// Node resolves a package's own name through its "exports" to the built dist/.
process.env.TS_NODE_TRANSPILE_ONLY = 'true';
process.env.TS_NODE_COMPILER_OPTIONS = JSON.stringify({ module: 'commonjs', moduleResolution: 'node' });
require('ts-node/register');
