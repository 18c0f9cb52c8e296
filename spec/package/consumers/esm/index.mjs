// An ES module app: every entry through import.
import scenario from '../shared/scenario.cjs';
import * as core from 'pulse-rx';
import * as node from 'pulse-rx/node';
import * as emulator from 'pulse-rx/emulator';
import * as rxjs from 'rxjs';

const facts = await scenario({ core, node, emulator, rxjs, dir: process.argv[2] });
console.log(JSON.stringify(facts));
