// An ES module app that also loads a CommonJS helper requiring pulse-rx: two copies of the
// library in one process (the dual-package hazard). Clients and errors cross between them.
import scenario from '../shared/scenario.cjs';
import * as core from 'pulse-rx';
import * as node from 'pulse-rx/node';
import * as emulator from 'pulse-rx/emulator';
import * as testing from 'pulse-rx/testing';
import * as bullmq from 'pulse-rx/bullmq';
import * as rxjs from 'rxjs';
import helper from './helper.cjs';

const facts = await scenario({ core, node, emulator, testing, bullmq, rxjs, dir: process.argv[2], redisPort: process.argv[3], client: helper.makeClient });
facts.twoCopies = helper.PulseClient !== core.PulseClient;
try {
  helper.fail();
} catch (err) {
  facts.helperError = { validation: err instanceof core.PulseValidationError, field: err.field };
}
facts.appErrorInHelper = helper.isPulseError(new core.ServerError({ status: 503, message: 'x' }));
try {
  helper.failFleet();
} catch (err) {
  // The dual-package hazard: an error of the CommonJS copy's bullmq entry is still the app's class (by brand).
  facts.helperFleetError = {
    field: err.field,
    helperClass: err instanceof helper.PulseValidationError,
    appClass: err instanceof core.PulseValidationError,
    appGuard: core.PulseValidationError.is(err),
  };
}
console.log(JSON.stringify(facts));
