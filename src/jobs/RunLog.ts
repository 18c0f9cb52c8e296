import { PulseValidationError } from '../errors';
import type { RunRecord, RunStore } from './RunStore';
import { brand } from '../brand';

/** Where one part of a run stands. */
export interface RunPart {
  /** The part's job, recorded the moment the service accepted it. */
  jobId: string;
  /** True once the part's result was downloaded and checked. */
  done?: boolean;
}

/** What a run is: checked against the record so that a run id is not reused for another call. */
export interface RunShape {
  /** The job kind of the call (`sentiment`, `embeddings`, ...). */
  kind: string;
  /** Parts of the call. */
  partsTotal: number;
  /** Input items of the call (texts; pairs of texts for similarity). */
  total: number;
}

/** Identifies this record format (the `format` field). */
export const RUN_RECORD_FORMAT = 'pulse-rx.run/1';

/**
 * One run's record in a {@link RunStore}, and the one place that reads and writes it.
 *
 * Record format (reuse it in any store, e.g. one Redis key per record): under the key
 * `run.id` (a split call) or `run.id + '/' + step` (a step of an Analyzer or Workflow run),
 * a JSON object
 * ```json
 * { "format": "pulse-rx.run/1", "kind": "sentiment", "partsTotal": 3, "total": 12000,
 *   "parts": { "0": { "jobId": "j-1", "done": true }, "2": { "jobId": "j-3" } } }
 * ```
 * `parts` is keyed by the part's index (input order, from 0): a part is there from the moment
 * its job was accepted (`jobId`), and `done` once its result came back. A part that is absent
 * was never submitted. A part's `Idempotency-Key` is `<key>.part-<index>`, so a submission
 * retried after a crash cannot be billed twice by a service that honours the header.
 *
 * Writes of one run are serialized (each `put` waits for the previous one, and writes the
 * latest state), so parts finishing together cannot overwrite each other's news.
 *
 * @example
 * ```ts
 * const log = await RunLog.open(store, 'survey-2026', { kind: 'sentiment', partsTotal: 3, total: 12000 });
 * log.part(0);                 // { jobId: 'j-1', done: true } after a crash, or undefined
 * await log.submitted(1, 'j-2');
 * await log.done(1);
 * ```
 */
export class RunLog {
  private readonly parts: Record<string, RunPart>;
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly store: RunStore,
    readonly key: string,
    private readonly shape: RunShape,
    parts: Record<string, RunPart>,
  ) {
    this.parts = parts;
  }

  /** Reads the record under `key` (or starts one); refuses a record of another call. */
  static async open(store: RunStore, key: string, shape: RunShape): Promise<RunLog> {
    const record = await store.get(key);
    if (record === undefined) return new RunLog(store, key, shape, {});
    const same = record.format === RUN_RECORD_FORMAT && record.kind === shape.kind;
    const sized = record.partsTotal === shape.partsTotal && record.total === shape.total;
    if (!same || !sized || typeof record.parts !== 'object' || record.parts === null) {
      const was = `${String(record.kind)}, ${String(record.partsTotal)} parts, ${String(record.total)} items`;
      const now = `${shape.kind}, ${shape.partsTotal} parts, ${shape.total} items`;
      throw new PulseValidationError('options.run.id', `names a run of another call (${was}; this call: ${now})`);
    }
    return new RunLog(store, key, shape, { ...(record.parts as Record<string, RunPart>) });
  }

  /** The recorded state of part `index`, if it was submitted. */
  part(index: number): RunPart | undefined {
    const p = this.parts[index];
    return p && typeof p.jobId === 'string' && p.jobId !== '' ? p : undefined;
  }

  /** The `Idempotency-Key` of part `index`. */
  idempotencyKey(index: number): string {
    return `${this.key}.part-${index}`;
  }

  /** Records that part `index` was accepted as job `jobId`. */
  submitted(index: number, jobId: string): Promise<void> {
    this.parts[index] = { jobId };
    return this.write();
  }

  /** Records that part `index` finished. */
  done(index: number): Promise<void> {
    const p = this.parts[index];
    if (!p || p.done) return Promise.resolve();
    this.parts[index] = { ...p, done: true };
    return this.write();
  }

  /** The record as stored. */
  toJSON(): RunRecord {
    return { format: RUN_RECORD_FORMAT, ...this.shape, parts: this.parts };
  }

  private write(): Promise<void> {
    const next = this.writing.then(() => this.store.put(this.key, this.toJSON()));
    this.writing = next.catch(() => undefined);
    return next;
  }
}
// Its static `open` names the class in its body: the ES modules would otherwise call it `_RunLog`.
brand(RunLog, 'RunLog');
