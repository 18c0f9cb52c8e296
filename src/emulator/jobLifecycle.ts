/**
 * Two behaviours of a job's life that the spec leaves out and the vendor's SDKs cope with:
 * `DELETE /jobs/{id}` (the Python async SDK sends it to cancel; a deployment without it
 * answers 405) and a just-submitted job that is briefly unknown to `GET /jobs` (404).
 */
import { PulseValidationError } from '../errors';
import type { ApiReply, ApiRequest, ApiState } from './api';
import type { EmulatedJob } from './JobStore';

/** The emulator options of this file (validated by `checkJobLifecycle`). */
export interface JobLifecycleOptions {
  /**
   * Answer `DELETE /jobs/{id}`: the job stops and its status reads `failed` from then on.
   * `false` answers 405, as a deployment without cancellation does. @default true
   */
  cancelJobs?: boolean;
  /** A new job is unknown (404 on `GET /jobs`) for its first this many ms. @default 0 */
  unknownNewJobsMs?: number;
}

/** Checks the options; a bad value is a `PulseValidationError` naming it. */
export function checkJobLifecycle(o: JobLifecycleOptions): Required<JobLifecycleOptions> {
  const cancelJobs = o.cancelJobs ?? true;
  if (typeof cancelJobs !== 'boolean') throw new PulseValidationError('cancelJobs', 'must be a boolean');
  const ms = o.unknownNewJobsMs ?? 0;
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
    throw new PulseValidationError('unknownNewJobsMs', 'must be a finite number of ms, 0 or more', { value: String(ms) });
  }
  return { cancelJobs, unknownNewJobsMs: ms };
}

/** Whether `GET /jobs` should not know this job yet (the `unknownNewJobsMs` quirk). */
export function unknownYet(job: EmulatedJob, s: ApiState): boolean {
  return s.now() < job.createdAt + s.lifecycle.unknownNewJobsMs;
}

/** The status of a cancelled job: `failed`, with only the fields the spec's JobStatusResponse allows. */
export function cancelledStatus(job: EmulatedJob): ApiReply | undefined {
  return job.cancelledAt === undefined ? undefined : { status: 200, body: { job_id: job.id, status: 'failed' } };
}

/**
 * `DELETE /jobs/{id}` (the id URL-encoded, as it may hold `/`): 200 with the job's status
 * (a running job stops and fails; a finished one stays as it is), 404 for an unknown job,
 * 405 when cancellation is switched off.
 */
export function cancelJob(req: ApiRequest, s: ApiState): ApiReply {
  if (!s.lifecycle.cancelJobs) {
    return { status: 405, body: { code: 'method_not_allowed', message: 'Method not allowed' }, headers: { allow: 'GET' } };
  }
  let id: string;
  try {
    id = decodeURIComponent(req.path.slice('/jobs/'.length));
  } catch {
    id = '';
  }
  const job = s.jobs.get(id);
  if (!job || unknownYet(job, s)) return { status: 404, body: { code: 'not_found', message: 'Job not found' } };
  const running = job.stuck || s.now() < job.readyAt;
  if (running && !job.failure) job.cancelledAt = s.now();
  const status = job.cancelledAt !== undefined || job.failure ? 'failed' : running ? 'pending' : 'completed';
  return { status: 200, body: { job_id: job.id, status } };
}
