// A CommonJS app (NestJS, ts-node, jest): every entry through require.
const scenario = require('../shared/scenario.cjs');

scenario({
  core: require('pulse-rx'),
  node: require('pulse-rx/node'),
  emulator: require('pulse-rx/emulator'),
  rxjs: require('rxjs'),
  dir: process.argv[2],
}).then((facts) => console.log(JSON.stringify(facts)));
