/**
 * `pulse-rx/emulator`: the local Pulse API (Node only; never imported by the core entry).
 *
 * @packageDocumentation
 * @module pulse-rx/emulator
 */
export { startEmulator, type Emulator } from './startEmulator';
export type { EmulatorOptions, JournalEntry } from './EmulatorOptions';
export type { EmulatedOrganization } from './organization';
export { FaultInjector, parseFaults, type FaultAction, type FaultRule } from './faults';
export { RECORDED_JOB_DURATIONS, type JobDurationModel, type JobDurationSpec } from './jobDuration';
export { SpecValidator, type ValidationIssue } from './validator';
export { loadAjv } from './loadAjv';
export { PROFILES, QUIRK_NAMES, type EmulatorProfile, type EmulatorQuirks, type ProfileDefaults } from './profiles';
export { StrictAudit, takeViolations } from './StrictAudit';
export { recordProxy, type RecordProxy, type RecordProxyOptions } from './recordProxy';
export { ReplayCassettes } from './ReplayCassettes';
export { loadCassettes } from './loadCassettes';
export type { Cassette, CassetteInteraction } from './Cassette';
