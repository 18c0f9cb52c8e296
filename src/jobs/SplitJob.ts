import type { Observable } from 'rxjs';
import { PulseValidationError } from '../errors';
import { brand } from '../brand';
import { Job, type JobRef } from './Job';
import type { JobEvent } from './JobEvent';

/** One part of a split call: its job and the input items it covers (`[start, end)`). */
export interface PartRef {
  id: string;
  range: [start: number, end: number];
}

/**
 * What identifies a split call's handle across processes: every part's job and input range,
 * and the request's shape (its text arrays replaced by their lengths: enough to stitch the
 * parts back, nothing of the texts). `client.jobs.resume(ref)` continues it with no new
 * submission.
 */
export interface SplitJobRef extends JobRef {
  parts: PartRef[];
  /** The request with every array of texts replaced by `{ $texts: length }`. */
  request: Record<string, unknown>;
  /** Input items of the call (texts; pairs of texts for similarity). */
  total: number;
}

/**
 * The handle of a call the client split into parts (`awaitJobResult: false` on a large
 * input): the same surface as `Job` (`events$` with each part's events and `progress`,
 * `result$` with the stitched result, `wait()`), and a `toJSON()` that holds every part's
 * job, so another process can `client.jobs.resume()` it.
 *
 * @example
 * ```ts
 * import { firstValueFrom } from 'rxjs';
 * const job = await firstValueFrom(client.analyzeSentiment({ inputs: texts12000 }, { awaitJobResult: false }));
 * writeFileSync('job.json', JSON.stringify(job));          // { id, kind, parts: [{ id, range }], ... }
 * const again = client.jobs.resume(JSON.parse(readFileSync('job.json', 'utf8')));
 * again.events$.subscribe((e) => e.type === 'progress' && console.log(`${e.done}/${e.total}`));
 * ```
 */
export class SplitJob<T> extends Job<T> {
  /** Every part's job and input range, in input order. */
  readonly parts: readonly PartRef[];

  constructor(
    private readonly ref: SplitJobRef,
    poll: () => Observable<JobEvent<T>>,
  ) {
    super(ref.id, ref.kind, poll);
    this.parts = ref.parts;
  }

  /** The resumable reference: every part's job and range, and the request's shape. */
  override toJSON(): SplitJobRef {
    const { id, kind, request, total } = this.ref;
    return { id, kind, parts: this.ref.parts.map((p) => ({ id: p.id, range: [...p.range] })), request, total };
  }
}
brand(SplitJob, 'SplitJob');

/** Whether `ref` is a split call's reference (it has `parts`); checks every part. */
export function isSplitJobRef(ref: unknown): ref is SplitJobRef {
  const parts = (ref as { parts?: unknown } | null)?.parts;
  if (parts === undefined) return false;
  const r = ref as SplitJobRef;
  const invalid = (field: string, problem: string) => new PulseValidationError(field, problem);
  if (!Array.isArray(parts) || parts.length === 0) throw invalid('ref.parts', 'must be a non-empty array');
  parts.forEach((p: PartRef, i) => {
    if (typeof p?.id !== 'string' || p.id === '') throw invalid(`ref.parts[${i}].id`, 'must be a non-empty string');
    const [a, b] = Array.isArray(p.range) ? p.range : [];
    if (!Number.isInteger(a) || !Number.isInteger(b) || a! < 0 || b! < a!) {
      throw invalid(`ref.parts[${i}].range`, 'must be [start, end) with 0 <= start <= end');
    }
  });
  if (typeof r.request !== 'object' || r.request === null) throw invalid('ref.request', 'must be an object');
  if (!Number.isInteger(r.total) || r.total < 0) throw invalid('ref.total', 'must be a non-negative integer');
  return true;
}
