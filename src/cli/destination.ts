import { open, mkdir, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
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
  await mkdir(dirname(path), { recursive: true }).catch((e: NodeJS.ErrnoException) => {
    throw cannot(`cannot create its folder (${e.code ?? e.message})`);
  });
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
    },
  };
}
