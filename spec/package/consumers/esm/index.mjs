// An ES module app: every entry through import.
import scenario from '../shared/scenario.cjs';
import * as core from 'pulse-rx';
import * as node from 'pulse-rx/node';
import * as emulator from 'pulse-rx/emulator';
import * as testing from 'pulse-rx/testing';
import * as bullmq from 'pulse-rx/bullmq';
import * as rxjs from 'rxjs';

const facts = await scenario({ core, node, emulator, testing, bullmq, rxjs, dir: process.argv[2], redisPort: process.argv[3] });
console.log(JSON.stringify(facts));
