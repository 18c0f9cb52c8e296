import type Ajv2020Class from 'ajv/dist/2020.js';
import { requireOptional } from '../optionalPackage';

/**
 * ajv's 2020-12 validator class, loaded when first needed: ajv is an optional peer dependency,
 * so importing `pulse-rx/emulator` never needs it, and a missing ajv is a `MissingPackageError`.
 *
 * @example
 * const validator = new SpecValidator(loadAjv());
 */
export function loadAjv(): typeof Ajv2020Class {
  return requireOptional<{ default: typeof Ajv2020Class }>('ajv/dist/2020.js', 'pulse-rx/emulator').default;
}
