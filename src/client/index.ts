export * from './PulseClient';
export type * from './PulseClientOptions';
export type * from './CallOptions';
export type { EndpointDef, ValidationSettings } from './EndpointDef';
export { selfMatrix, crossMatrix, triangleSize } from './endpoints';
