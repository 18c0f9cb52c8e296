import { open, mkdir, rename, rmdir, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from './UsageError';

/** An output file, proven writable before the analysis starts, put in place only when it succeeds. */
export interface Destination {
  readonly path: string;
  write(text: string): Promise<void>;
  /** Moves the finished file into place. */
  commit(): Promise<void>;
  /** Removes what was written (the analysis failed). */
  abort(): Promise<void>;
}

/**
 * Opens `path` for writing before any request is sent, so that a bad destination (a
 * directory, a path under a file, a FIFO, `/proc`) fails in a second and not after a paid
 * analysis. Content goes to a temporary file beside `path`, renamed over it by `commit`.
 *
 * @example
 * const out = await openDestination('/tmp/out.csv', '--out', 'out.csv');
 * await out.write('a,b\r\n');
 * await out.commit();
 */
export async function openDestination(path: string, flag: string, label: string): Promise<Destination> {
  const cannot = (why: string) => new UsageError(`${flag} ${label}: ${why}`);
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw cannot('is a directory');
  if (existing && !existing.isFile()) throw cannot('is not a regular file');
  const created = await makeFolder(dirname(path), cannot);
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.pulse-tmp`);
  const handle: FileHandle = await open(temporary, 'wx').catch((e: NodeJS.ErrnoException) => {
    throw cannot(`cannot write there (${e.code ?? e.message})`);
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  return {
    path,
    write: async (text) => {
      await handle.write(text);
    },
    commit: async () => {
      await close();
      await rename(temporary, path);
    },
    abort: async () => {
      await close();
      await unlink(temporary).catch(() => undefined);
      // A failed run leaves no trace: the folders made for it go too (deepest first; a
      // folder something else wrote into meanwhile is not empty and stays).
      for (const folder of created.reverse()) await rmdir(folder).catch(() => undefined);
    },
  };
}

/**
 * `mkdir -p`, one level at a time: Node's recursive mkdir loops forever where mkdir answers
 * ENOENT for a parent that exists (`/proc`), and says EEXIST when a file stands in the way.
 * Resolves to the folders it made, shallowest first.
 */
async function makeFolder(folder: string, cannot: (why: string) => UsageError): Promise<string[]> {
  const missing: string[] = [];
  let at = folder;
  for (;;) {
    const found = await stat(at).catch(() => undefined);
    if (found) {
      if (!found.isDirectory()) throw cannot(`cannot create its folder (ENOTDIR: ${at} is not a folder)`);
      break;
    }
    if (dirname(at) === at) break;
    missing.unshift(at);
    at = dirname(at);
  }
  const made: string[] = [];
  for (const level of missing) {
    await mkdir(level).then(
      () => made.push(level),
      (e: NodeJS.ErrnoException) => {
        if (e.code !== 'EEXIST') throw cannot(`cannot create its folder (${e.code ?? e.message})`);
      },
    );
  }
  return made;
}
