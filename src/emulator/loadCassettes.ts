import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PulseValidationError } from '../errors';
import type { Cassette } from './Cassette';

/**
 * Reads every `*.json` cassette of a directory (as `pulse-emulator --record` writes them);
 * a file that is no cassette throws a `PulseValidationError` naming it.
 *
 * @example
 * const cassettes = loadCassettes('./cassettes');
 */
export function loadCassettes(dir: string): Cassette[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const doc = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Cassette;
      if (!doc || !Array.isArray(doc.interactions)) throw new PulseValidationError(`replay: ${f}`, 'is not a cassette (no interactions[])');
      return doc;
    });
}
