import type { ApiReply } from './api';
import type { EmulatorQuirks } from './profiles';
import type { ValidationIssue } from './validator';

/** Where a reply goes: method and path (under `/v1` for the API). */
export interface ReplyTarget {
  method: string;
  path: string;
}

type Doc = Record<string, unknown>;
const isDoc = (v: unknown): v is Doc => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Turns a reply as the spec has it into the hosted service's habits that are switched on.
 * Runs after strict validation, so the canonical reply is what strict mode checks.
 *
 * @example
 * applyQuirks({ status: 202, body: { job_id: 'a' } }, { method: 'POST', path: '/sentiment' }, { camelCaseJobs: true });
 * // { status: 202, body: { jobId: 'a' } }
 */
export function applyQuirks(reply: ApiReply, at: ReplyTarget, q: EmulatorQuirks): ApiReply {
  const body = reply.body;
  if (!isDoc(body)) return reply;
  if (reply.status === 400 && body.code === 'validation_error' && q.textPlain400) return textPlain400(reply);
  if (at.path === '/jobs' && at.method === 'GET' && reply.status === 200) return { ...reply, body: jobStatus(reply, q) };
  if (reply.status === 202 && q.camelCaseJobs && typeof body.job_id === 'string') return { ...reply, body: { jobId: body.job_id } };
  if (reply.status === 200 && at.method === 'POST') return { ...reply, body: shapeResult(at.path.slice(1), body, q) };
  return reply;
}

function jobStatus(reply: ApiReply, q: EmulatorQuirks): Doc {
  const { job_id: id, result_url: url, ...rest } = reply.body as Doc;
  const out: Doc = { ...rest };
  if (q.queuedStatus && out.status === 'pending' && reply.queued) out.status = 'queued';
  const bare = q.barePendingStatus && (out.status === 'pending' || out.status === 'queued');
  if (id !== undefined && !bare) out[q.camelCaseJobs ? 'jobId' : 'job_id'] = id;
  if (url !== undefined) out[q.camelCaseJobs ? 'resultUrl' : 'result_url'] = url;
  if (out.status === 'failed' && q.failureMessage && reply.failure) out.message = reply.failure;
  return out;
}

/**
 * A result document (synchronous answer or job result file) with the result quirks on:
 * no `usage`, no `requestId` on embeddings, five representatives per theme.
 *
 * @example
 * shapeResult('sentiment', { results: [], requestId: 'r', usage: { total: 1, records: [] } }, { noUsage: true });
 */
export function shapeResult(feature: string, result: Doc, q: EmulatorQuirks): Doc {
  const out: Doc = { ...result };
  if (q.noUsage) delete out.usage;
  if (q.noEmbeddingsRequestId && feature === 'embeddings') delete out.requestId;
  if (q.fiveRepresentatives && Array.isArray(out.themes)) out.themes = out.themes.map((t) => (isDoc(t) ? fiveOf(t) : t));
  return out;
}

/** The hosted themes carry five generated sentences; the spec says exactly two input strings. */
function fiveOf(theme: Doc): Doc {
  const reps = Array.isArray(theme.representatives) ? (theme.representatives as string[]) : [];
  const topic = String(theme.shortLabel ?? theme.label ?? 'this topic').toLowerCase();
  const made = [
    `Several responses mention ${topic}.`,
    `People shared their views on ${topic}.`,
    `Comments about ${topic} came up often.`,
    `Some feedback focused on ${topic}.`,
    `${topic.charAt(0).toUpperCase()}${topic.slice(1)} was a recurring point.`,
  ];
  return { ...theme, representatives: [...reps, ...made].slice(0, 5) };
}

/** The recorded wording: zod issues as text, `path` starting at `body`, ending with a full stop. */
function textPlain400(reply: ApiReply): ApiReply {
  const body = reply.body as Doc;
  const issues: Array<Pick<ValidationIssue, 'message' | 'path' | 'expected' | 'received'>> =
    reply.issues ?? (Array.isArray(body.errors) ? (body.errors as ValidationIssue[]) : [{ message: String(body.message), path: [] }]);
  const zodish = issues.map((e) =>
    e.expected
      ? { code: 'invalid_type', expected: e.expected, received: e.received, path: ['body', ...e.path], message: `Expected ${e.expected}, received ${e.received}` }
      : { code: 'custom', path: ['body', ...(e.path ?? [])], message: e.message },
  );
  return {
    status: 400,
    body: `Failed to parse schema. This error was caused by: ${JSON.stringify(zodish, null, 2)}.`,
    headers: { 'content-type': 'text/plain' },
  };
}
