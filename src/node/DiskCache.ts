import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResultCache } from '../analysis/cache';
import { PulseValidationError } from '../errors';

/** Not following a link at the entry's own name (0 where the platform has no such flag). */
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
/** Opening a planted FIFO must not block: it is then seen not to be a file. */
const NONBLOCK = constants.O_NONBLOCK ?? 0;
/** The names this cache writes: entries, and the temp files of writes in progress. */
const ENTRY = /^[A-Za-z0-9_-]{1,128}\.json$/;
const TEMP = /^\.[A-Za-z0-9_-]{1,128}\.[0-9a-f]{24}\.tmp$/;

/**
 * A result cache on disk: one JSON file per key in `dir` (created when needed), so a
 * second run of the same analysis, even in another process, sends nothing. Safe in a
 * folder others can write to: a write goes to a new temp file with a random name, created
 * exclusively (never through a planted file or link), then renamed over the entry; reads
 * never follow a link and take regular files only. An unreadable entry is a miss, and
 * Analyzer and Workflow check every entry with its result schema (a bad one is a miss).
 *
 * @example
 * import { DiskCache } from 'pulse-rx/node';
 * new Analyzer({ dataset, processes, cache: new DiskCache('.pulse-cache') });
 */
export class DiskCache implements ResultCache {
  constructor(private readonly dir: string) {
    if (typeof dir !== 'string' || dir === '') throw new PulseValidationError('dir', 'must be a directory path');
  }

  /** The stored JSON under `key`, or undefined (missing, a link, not a file, not JSON). */
  async get(key: string): Promise<unknown> {
    const file = this.file(key);
    try {
      const handle = await open(file, constants.O_RDONLY | NOFOLLOW | NONBLOCK);
      try {
        if (!(await handle.stat()).isFile()) return undefined;
        return JSON.parse(await handle.readFile('utf8')) as unknown;
      } finally {
        await handle.close();
      }
    } catch {
      return undefined;
    }
  }

  /** Stores `value` as JSON under `key`, atomically (temp file, then rename). */
  async set(key: string, value: unknown): Promise<void> {
    const file = this.file(key);
    await mkdir(this.dir, { recursive: true });
    const tmp = join(this.dir, `.${key}.${randomBytes(12).toString('hex')}.tmp`);
    // O_EXCL: fails on anything already there, a link included, instead of writing through it.
    const handle = await open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW);
    try {
      await handle.writeFile(JSON.stringify(value));
      await handle.close();
      // rename replaces the entry's name itself: a link planted there is replaced, not followed.
      await rename(tmp, file);
    } catch (e) {
      await handle.close().catch(() => undefined);
      await unlink(tmp).catch(() => undefined);
      throw e;
    }
  }

  /**
   * Deletes every entry (and temp file left by an interrupted write) of this cache's folder;
   * other files there are left alone. A missing folder is an empty cache.
   */
  async clear(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    const ours = names.filter((n) => ENTRY.test(n) || TEMP.test(n));
    await Promise.all(ours.map((n) => unlink(join(this.dir, n)).catch(() => undefined)));
  }

  private file(key: string): string {
    if (!/^[A-Za-z0-9_-]{1,128}$/.test(key)) throw new PulseValidationError('key', 'must be a cache key (letters, digits, _ or -)');
    return join(this.dir, `${key}.json`);
  }
}
