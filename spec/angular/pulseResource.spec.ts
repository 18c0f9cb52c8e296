import { loadSuite } from './loadSuite';

loadSuite('pulseResource.suite.ts');
