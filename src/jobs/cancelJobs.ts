import { catchError, defer, forkJoin, Observable, of } from 'rxjs';
import { PulseValidationError } from '../errors';
import type { Jobs } from './Jobs';

/**
 * Cancels several jobs on the server at once (each `DELETE /jobs/{id}`, best effort), e.g.
 * every running part of a split call when its subscriber leaves. Emits one flag per id, in
 * order: `true` when the service acknowledged; `false` when it cannot cancel (404, 405, 501)
 * or the request failed (a failure here never fails the caller), then completes.
 *
 * @example
 * import { cancelJobs } from 'pulse-rx';
 * cancelJobs(client.jobs, ['job-1', 'job-2']).subscribe((acks) => console.log(acks)); // [true, false]
 */
export function cancelJobs(jobs: Pick<Jobs, 'cancel'>, ids: readonly string[]): Observable<boolean[]> {
  return defer(() => {
    if (!Array.isArray(ids)) throw new PulseValidationError('ids', 'must be an array of job ids');
    if (ids.length === 0) return of([]);
    return forkJoin(ids.map((id) => jobs.cancel(id).pipe(catchError(() => of(false)))));
  });
}
