import { ErrorResponseSchema } from '../schemas/common';
import { apiErrorFor, type PulseApiError } from '../errors';
import { parseRetryAfterMs } from './retryPolicy';
import { safeParse } from '../schemas/safeParse';

const MAX_TEXT_MESSAGE = 300;

/**
 * Builds the typed error of a non-2xx answer from its decoded body: the spec's
 * `ErrorResponse` when it is one, else a readable message from text or HTML.
 */
export function errorFromResponse(
  status: number,
  body: unknown,
  headers: Record<string, string>,
  nowMs: number,
): PulseApiError {
  const requestId = headers['x-request-id'] ?? headers['apigw-requestid'];
  const retryAfterMs = parseRetryAfterMs(headers, nowMs);
  const parsed = safeParse(ErrorResponseSchema, body);
  if (parsed.success) {
    const e = parsed.data;
    return apiErrorFor({
      status,
      code: e.code,
      message: e.message,
      errors: e.errors,
      meta: e.meta,
      requestId: e.requestId ?? requestId,
      body,
      headers,
      retryAfterMs,
    });
  }
  return apiErrorFor({ status, message: messageOf(status, body), body, headers, requestId, retryAfterMs });
}

function messageOf(status: number, body: unknown): string {
  if (typeof body === 'string') {
    const text = body.includes('<') ? stripHtml(body) : body;
    const oneLine = text.replace(/\s+/g, ' ').trim();
    if (oneLine) return `HTTP ${status}: ${truncate(oneLine)}`;
  }
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    const msg = b.message ?? b.error_description ?? b.error ?? b.detail;
    if (typeof msg === 'string') return `HTTP ${status}: ${truncate(msg)}`;
  }
  return `HTTP ${status}`;
}

function stripHtml(html: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1];
  const text = html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ');
  return title && !text.includes(title) ? `${title} ${text}` : text;
}

function truncate(s: string): string {
  return s.length > MAX_TEXT_MESSAGE ? `${s.slice(0, MAX_TEXT_MESSAGE)}…` : s;
}
