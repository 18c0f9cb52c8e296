/**
 * `pulse-rx/testing`: the Pulse API in memory for tests, in Node and in browsers (no
 * sockets, no Node modules), and marble helpers for job event streams.
 *
 * @packageDocumentation
 * @module pulse-rx/testing
 */
export { createInMemoryPulse, type InMemoryPulse } from './createInMemoryPulse';
export type { InMemoryPulseOptions } from './InMemoryPulseOptions';
export type { InMemoryExchange } from './inMemoryAdapter';
export { JOB_EVENT_LETTERS, jobEventLetters, jobEventValues } from './jobEventMarbles';
