import { defer, filter, firstValueFrom, map, Observable, of, timeout, throwError } from 'rxjs';
import * as z from 'zod/mini';
import { checkOptions } from '../http/checkOptions';
import { JobTimeoutError } from '../errors';
import { optionRules } from '../schemas/options';
import { optionsObject } from '../schemas/optionsObject';
import { MAX_TIMER_MS } from '../http/interceptors';
import type { JobKind } from '../schemas/jobs';
import type { JobEvent, JobResultEvent } from './JobEvent';
import { brand, isBranded } from '../brand';

const WaitOptionsSchema = optionsObject({ timeoutMs: z.optional(optionRules.positiveMsOrInfinity) });

/** What identifies a job across processes: store it, and `client.jobs.resume()` it later. */
export interface JobRef {
  id: string;
  kind: JobKind;
}

/**
 * A submitted job. `events$` polls it (statuses, then the result); `result$` gives only
 * the result. Both are cold: each subscription polls on its own and unsubscribing stops it.
 *
 * @example
 * import { firstValueFrom } from 'rxjs';
 * const job = await firstValueFrom(client.analyzeSentiment({ inputs }, { awaitJobResult: false }));
 * localStorage.setItem('job', JSON.stringify(job));           // { id, kind }
 * job.events$.subscribe((e) => console.log(e.type));
 */
export class Job<T> implements JobRef {
  /** `instanceof` by brand, so it holds across copies of the library (ESM and CommonJS). */
  static [Symbol.hasInstance]<T>(this: { prototype: T }, value: unknown): value is T {
    return isBranded(this, value);
  }
  /** Statuses as they change, then `{ type: 'result' }`, then complete. */
  readonly events$: Observable<JobEvent<T>>;
  /** The validated result, once, then complete. */
  readonly result$: Observable<T>;

  constructor(
    readonly id: string,
    readonly kind: JobKind,
    poll: () => Observable<JobEvent<T>>,
    private readonly cancelJob: () => Observable<boolean> = () => of(false),
  ) {
    this.events$ = defer(poll);
    this.result$ = this.events$.pipe(
      filter((e): e is JobResultEvent<T> => e.type === 'result'),
      map((e) => e.data),
    );
  }

  /**
   * Promise bridge: resolves with the result, rejects with the stream's error, or with
   * `JobTimeoutError` after `timeoutMs`.
   */
  wait(options: { timeoutMs?: number } = {}): Promise<T> {
    let timeoutMs: number | undefined;
    try {
      ({ timeoutMs } = checkOptions(WaitOptionsSchema, options, ''));
    } catch (e) {
      return Promise.reject(e as Error);
    }
    const result$ =
      timeoutMs === undefined || timeoutMs > MAX_TIMER_MS
        ? this.result$
        : this.result$.pipe(timeout({ first: timeoutMs, with: () => throwError(() => new JobTimeoutError(this.id, timeoutMs)) }));
    return firstValueFrom(result$);
  }

  /**
   * Asks the service to stop the job (`DELETE /jobs/{id}`, best effort; cold: sent on
   * subscribe): `true` when acknowledged, `false` when the service cannot cancel (404, 405,
   * 501) or the job answered synchronously. Polling subscribers then see it end `failed`.
   *
   * @example
   * const cancelled = await firstValueFrom(job.cancel());
   */
  cancel(): Observable<boolean> {
    return defer(() => this.cancelJob());
  }

  /** The resumable reference `{ id, kind }`: store it, then `client.jobs.resume(ref)`. */
  toJSON(): JobRef {
    return { id: this.id, kind: this.kind };
  }
}
brand(Job, 'Job');
