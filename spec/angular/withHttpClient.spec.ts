import { loadSuite } from './loadSuite';

loadSuite('withHttpClient.suite.ts');
