import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResultCache } from '../analysis/cache';
import { PulseValidationError } from '../http/errors';

/**
 * A result cache on disk: one JSON file per key in `dir` (created when needed), so a
 * second run of the same analysis, even in another process, sends nothing. Writes are
 * atomic (temp file, then rename); an unreadable entry is a miss.
 *
 * @example
 * import { DiskCache } from 'pulse-rx/node';
 * new Analyzer({ dataset, processes, cache: new DiskCache('.pulse-cache') });
 */
export class DiskCache implements ResultCache {
  constructor(private readonly dir: string) {
    if (typeof dir !== 'string' || dir === '') throw new PulseValidationError('dir', 'must be a directory path');
  }

  async get(key: string): Promise<unknown> {
    try {
      return JSON.parse(await readFile(this.file(key), 'utf8')) as unknown;
    } catch {
      return undefined;
    }
  }

  async set(key: string, value: unknown): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const tmp = `${this.file(key)}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(value));
    await rename(tmp, this.file(key));
  }

  private file(key: string): string {
    if (!/^[A-Za-z0-9_-]{1,128}$/.test(key)) throw new PulseValidationError('key', 'must be a cache key (letters, digits, _ or -)');
    return join(this.dir, `${key}.json`);
  }
}
