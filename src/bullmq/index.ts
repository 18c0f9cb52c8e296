/**
 * `pulse-rx/bullmq`: Pulse analyses over a fleet of Node workers on BullMQ and Redis (bullmq
 * and ioredis are optional peer dependencies: install them to use this entry; the core never
 * imports them).
 * @module
 */
export { createPulseQueue, enqueueAnalysis, GATHER_JOB } from './createPulseQueue';
export type { AnalysisToEnqueue, PulseJobData, PulseQueueOptions } from './createPulseQueue';
export { createPulseWorker } from './createPulseWorker';
export type { PulseWorkerOptions, ResultSink } from './createPulseWorker';
export { FleetRateLimit } from './FleetRateLimit';
export type { FleetRateLimitOptions } from './FleetRateLimit';
export { RedisRunStore } from './RedisRunStore';
export type { RedisRunStoreOptions } from './RedisRunStore';
export type { AnalysisKind } from './analysisKinds';
