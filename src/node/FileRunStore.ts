import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { PulseValidationError } from '../errors';
import type { RunRecord, RunStore } from '../jobs/RunStore';

/**
 * A {@link RunStore} on disk: one JSON file per run in `dir` (`<key>.json`, the key
 * URL-encoded), written atomically (a temporary file in the same folder, then a rename), so a
 * process killed mid-write leaves the old record or the new one, never a torn file.
 *
 * @example
 * ```ts
 * import { FileRunStore } from 'pulse-rx/node';
 * const store = new FileRunStore('.pulse-runs');
 * client.analyzeSentiment({ inputs }, { run: { store, id: 'survey-2026' } });
 * ```
 */
export class FileRunStore implements RunStore {
  constructor(readonly dir: string) {
    if (typeof dir !== 'string' || dir === '') throw new PulseValidationError('dir', 'must be a non-empty string');
  }

  /** The file that holds the record under `key`. */
  pathOf(key: string): string {
    return join(this.dir, `${encodeURIComponent(key)}.json`);
  }

  /** The record under `key`, or `undefined` when its file does not exist. */
  async get(key: string): Promise<RunRecord | undefined> {
    try {
      return JSON.parse(await readFile(this.pathOf(key), 'utf8')) as RunRecord;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  }

  /** Replaces the record under `key`: a temporary file in `dir`, then a rename over the run's file. */
  async put(key: string, record: RunRecord): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const target = this.pathOf(key);
    const temp = `${target}.${randomUUID()}.tmp`;
    try {
      await writeFile(temp, JSON.stringify(record));
      await rename(temp, target);
    } catch (e) {
      await rm(temp, { force: true });
      throw e;
    }
  }

  /** Removes the run's file; a missing file is not an error. */
  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
