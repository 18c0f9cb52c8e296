/** `pulse-rx/emulator`: the local Pulse API (Node only; never imported by the core entry). */
export { startEmulator, type Emulator } from './startEmulator';
export type { EmulatorOptions, JournalEntry } from './EmulatorOptions';
export { FaultInjector, parseFaults, type FaultAction, type FaultRule } from './faults';
export { SpecValidator, type ValidationIssue } from './validator';
