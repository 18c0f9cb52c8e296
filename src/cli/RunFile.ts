import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import type { RunRecord, RunStore } from '../jobs/RunStore';
import { UsageError } from './UsageError';

/** Identifies a `--run` file (the `format` field). */
const FORMAT = 'pulse-run-file/1';

/** What a `--run` file holds: the command line that started the run and every step's run record. */
export interface RunFileContent {
  format: typeof FORMAT;
  /** The `pulse` arguments of the run (FILE made absolute), so `pulse jobs resume` can run it again. */
  argv: string[];
  /** The run records by key (`pulse/<step>`), in the format `RunLog` documents. */
  records: Record<string, RunRecord>;
}

/**
 * The `--run FILE` of `pulse analyze`: one JSON file holding a run's records (a
 * {@link RunStore}) and the command line that started it. Every write replaces the file
 * atomically (temporary file, then rename), one write at a time.
 *
 * @example
 * const file = await RunFile.open('run.json', ['analyze', '/data/reviews.csv']);
 * new Analyzer({ dataset, processes, run: { store: file, id: RunFile.RUN_ID } });
 */
export class RunFile implements RunStore {
  /** The run id the CLI uses: records are under `pulse/<step>`. */
  static readonly RUN_ID = 'pulse';
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    readonly path: string,
    private readonly content: RunFileContent,
  ) {}

  /** Reads a run file (`undefined` when there is none); a file of another format is a `UsageError`. */
  static async read(path: string, label = path): Promise<RunFileContent | undefined> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
    let content: RunFileContent;
    try {
      content = JSON.parse(text) as RunFileContent;
    } catch {
      throw new UsageError(`${label} is not a pulse run file (not JSON)`);
    }
    const argvOk = Array.isArray(content?.argv) && content.argv.every((a) => typeof a === 'string');
    const recordsOk = typeof content?.records === 'object' && content.records !== null;
    if (content?.format !== FORMAT || !argvOk || !recordsOk) throw new UsageError(`${label} is not a pulse run file`);
    return content;
  }

  /** Opens (or starts) the run file of the command line `argv`; a file of another run is a `UsageError`. */
  static async open(path: string, argv: string[], label = path): Promise<RunFile> {
    const existing = await RunFile.read(path, label);
    if (existing && (existing.argv[0] !== argv[0] || existing.argv[1] !== argv[1])) {
      throw new UsageError(`${label} records another run (pulse ${existing.argv.slice(0, 2).join(' ')})`);
    }
    const file = new RunFile(path, existing ?? { format: FORMAT, argv, records: {} });
    await file.write();
    return file;
  }

  /** {@inheritDoc RunStore.get} */
  get(key: string): Promise<RunRecord | undefined> {
    const record = this.content.records[key];
    return Promise.resolve(record === undefined ? undefined : (JSON.parse(JSON.stringify(record)) as RunRecord));
  }

  /** {@inheritDoc RunStore.put} */
  put(key: string, record: RunRecord): Promise<void> {
    this.content.records[key] = JSON.parse(JSON.stringify(record)) as RunRecord;
    return this.write();
  }

  /** {@inheritDoc RunStore.delete} */
  delete(key: string): Promise<void> {
    delete this.content.records[key];
    return this.write();
  }

  private write(): Promise<void> {
    const next = this.writing.then(async () => {
      const temp = `${this.path}.${randomUUID()}.tmp`;
      try {
        await writeFile(temp, `${JSON.stringify(this.content, null, 2)}\n`);
        await rename(temp, this.path);
      } catch (e) {
        await rm(temp, { force: true });
        throw e;
      }
    });
    this.writing = next.catch(() => undefined);
    return next;
  }
}

/** The command line to record: `argv` with FILE absolute and without `--run` (a resume adds its own). */
export function withoutRun(argv: string[], args: { file: string; fileLabel: string }): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--run') i++;
    else if (argv[i]!.startsWith('--run=')) continue;
    else out.push(argv[i] === args.fileLabel && out.length === 1 ? args.file : argv[i]!);
  }
  return out;
}
