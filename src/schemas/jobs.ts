import * as z from 'zod/mini';

/** The features that run as jobs; a job's kind selects the schema of its result. */
export const JobKindSchema = z.enum([
  'embeddings',
  'similarity',
  'themes',
  'clustering',
  'sentiment',
  'extractions',
  'summaries',
  'data-dictionary',
]);
/** The type of `JobKindSchema` (zod-inferred). */
export type JobKind = z.infer<typeof JobKindSchema>;

function pick(raw: Record<string, unknown>, ...keys: string[]): unknown {
  for (const key of keys) if (raw[key] !== undefined && raw[key] !== null) return raw[key];
  return undefined;
}

/** `202 {"job_id"}`, or `{"jobId"}` from older deployments, normalised to `{ jobId }`. */
export const JobSubmissionSchema = z.pipe(
  z.looseObject({
    job_id: z.optional(z.string().check(z.minLength(1))),
    jobId: z.optional(z.string().check(z.minLength(1))),
  }),
  z.transform((raw, ctx) => {
    const jobId = pick(raw, 'job_id', 'jobId');
    if (typeof jobId !== 'string') {
      ctx.issues.push({ code: 'custom', message: 'missing job_id', path: ['job_id'], input: raw });
      return z.NEVER;
    }
    return { jobId };
  }),
);
/** The answer to an asynchronous submission: the job id. */
export type JobSubmission = z.output<typeof JobSubmissionSchema>;

/** Statuses seen from the service; anything else is treated as still running. */
export type JobStatusValue = 'pending' | 'queued' | 'running' | 'completed' | 'failed' | 'error';

/**
 * `GET /jobs?jobId=` answer, normalised: `job_id`/`jobId` to `jobId`, `result_url`/`resultUrl`
 * to `resultUrl`, and the failure detail (`error`, `message` or `detail`) to `detail`.
 */
export const JobStatusSchema = z.pipe(
  z.looseObject({ status: z.string().check(z.minLength(1)) }),
  z.transform((raw) => {
    const status = raw.status.toLowerCase();
    const jobId = pick(raw, 'job_id', 'jobId');
    const resultUrl = pick(raw, 'result_url', 'resultUrl');
    const detail = pick(raw, 'detail', 'error', 'message', 'reason');
    return {
      status: (['pending', 'queued', 'running', 'completed', 'failed', 'error'].includes(status)
        ? status
        : 'running') as JobStatusValue,
      jobId: typeof jobId === 'string' ? jobId : undefined,
      resultUrl: typeof resultUrl === 'string' ? resultUrl : undefined,
      detail: typeof detail === 'string' ? detail : detail === undefined ? undefined : JSON.stringify(detail),
    };
  }),
);
/** A job status as read from `GET /jobs` (both id spellings normalised). */
export type JobStatus = z.output<typeof JobStatusSchema>;

/** True when a status ends the job (successfully or not). */
export function isTerminalStatus(status: JobStatusValue): boolean {
  return status === 'completed' || status === 'failed' || status === 'error';
}
