import { loadSuite } from './loadSuite';

loadSuite('providePulse.suite.ts');
