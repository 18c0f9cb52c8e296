import type { JobStatusValue } from '../schemas/jobs';

/** The job was accepted (`202`); polling starts. */
export interface JobSubmittedEvent {
  type: 'submitted';
  jobId: string;
}
/** The job's status changed (repeats of the same status are not emitted). */
export interface JobStatusEvent {
  type: 'status';
  /** The id the service reported (it may change on completion). */
  jobId: string;
  status: JobStatusValue;
  /** Status reads so far. */
  polls: number;
  /** Time since polling started, in ms. */
  elapsedMs: number;
}
/** The result, downloaded and validated; the stream completes right after. */
export interface JobResultEvent<T> {
  type: 'result';
  jobId: string;
  data: T;
}
/** What `observe: 'events'` and `jobs.poll()` stream, keyed by `type`. */
export type JobEvent<T> = JobSubmittedEvent | JobStatusEvent | JobResultEvent<T>;
