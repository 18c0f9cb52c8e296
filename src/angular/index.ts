/**
 * `pulse-rx/angular`: the client in Angular 18+ apps (Angular packages are optional peer
 * dependencies; `pulseResource` needs Angular 20+). Imports the core by its public name only.
 *
 * @packageDocumentation
 * @module pulse-rx/angular
 */
export { PULSE_AXIOS, PULSE_CLIENT, injectPulse, providePulse, type PulseFeature } from './providePulse';
export { withHttpClient } from './withHttpClient';
export { httpClientAdapter } from './httpClientAdapter';
export {
  pulseResource,
  type PulseCall,
  type PulseResourceCallOptions,
  type PulseResourceOptions,
  type PulseResourceRef,
} from './pulseResource';
export { pageVisible, whileVisible } from './whileVisible';
