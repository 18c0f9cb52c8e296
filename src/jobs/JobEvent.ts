import type { JobStatusValue } from '../schemas/jobs';

/** Which part of a split call an event belongs to (absent when the call is one request). */
export interface JobPart {
  /** Index of the part, in input order, from 0. */
  part?: number;
  /** Number of parts of the call. */
  of?: number;
}
/** The job was accepted (`202`); polling starts. */
export interface JobSubmittedEvent extends JobPart {
  type: 'submitted';
  jobId: string;
  /** True when the job was submitted earlier (a resumed run or handle): polling, no new submission. */
  resumed?: boolean;
}
/** The job's status changed (repeats of the same status are not emitted). */
export interface JobStatusEvent extends JobPart {
  type: 'status';
  /** The id the service reported (it may change on completion). */
  jobId: string;
  status: JobStatusValue;
  /** Status reads so far. */
  polls: number;
  /** Time since polling started, in ms. */
  elapsedMs: number;
}
/**
 * A part of a split call finished (only on calls split into parts): how much of the input
 * is done, counted in input items (texts; pairs of texts for similarity) and in parts.
 */
export interface JobProgressEvent {
  type: 'progress';
  done: number;
  total: number;
  partsDone: number;
  partsTotal: number;
}
/** The result, downloaded and validated (a split call's stitched result); the stream completes right after. */
export interface JobResultEvent<T> {
  type: 'result';
  jobId: string;
  data: T;
}
/** What `observe: 'events'` and `jobs.poll()` stream, keyed by `type`. */
export type JobEvent<T> = JobSubmittedEvent | JobStatusEvent | JobProgressEvent | JobResultEvent<T>;
