// A CommonJS app (NestJS, ts-node, jest): every entry through require.
const scenario = require('../shared/scenario.cjs');

scenario({
  core: require('pulse-rx'),
  node: require('pulse-rx/node'),
  emulator: require('pulse-rx/emulator'),
  testing: require('pulse-rx/testing'),
  bullmq: require('pulse-rx/bullmq'),
  rxjs: require('rxjs'),
  dir: process.argv[2],
  redisPort: process.argv[3],
}).then((facts) => console.log(JSON.stringify(facts)));
