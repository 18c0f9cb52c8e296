/** The version of pulse-rx, as published to npm. @example import { VERSION } from 'pulse-rx'; */
export const VERSION = '0.1.0';
