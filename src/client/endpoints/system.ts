import { catchError, defer, map, Observable, of, throwError } from 'rxjs';
import { PulseValidationError, ServerError } from '../../errors';
import { parseWith } from '../../http/parseWith';
import { HealthResponseSchema, type HealthResponse } from '../../schemas/health';
import { LIMITS } from '../../schemas/limits';
import {
  OrganizationCreditsSchema,
  UsageEstimateRequestSchema,
  type OrganizationCredits,
  type UsageEstimateResponse,
  UsageEstimateResponseSchema,
} from '../../schemas/usage';
import type { CallContext } from '../callEndpoint';
import type { SimpleCallOptions } from '../CallOptions';
import { checkOptions, ownProps } from '../../http/checkOptions';
import { SimpleCallOptionsSchema } from '../../schemas/options';
import { checkShape, checkTexts, describe } from '../validate';
import { withSignal } from '../withSignal';
import { safeParse } from '../../schemas/safeParse';

/** Checks the options (own properties, every rule) before anything is sent, then ties the call to its signal. */
function guarded<T>(
  ctx: CallContext,
  options: SimpleCallOptions | undefined,
  body: (o: SimpleCallOptions) => Observable<T>,
): Observable<T> {
  return defer(() => {
    const o = checkOptions(SimpleCallOptionsSchema, options, 'options');
    return withSignal(withSignal(body(o), o.signal), ctx.closed, 'client closed');
  });
}

/** Path segments that URL resolution would turn into a walk up the path. */
const DOT_SEGMENT = /^\.{1,2}$/;

/** `GET /health` (no auth). A 503 still carries the health document, so it is returned, not thrown. */
export function getHealth(ctx: CallContext, options?: SimpleCallOptions): Observable<HealthResponse> {
  return guarded(ctx, options, (o) =>
    ctx.transport.send({ method: 'GET', path: '/health', auth: false, maxRetries: 0, timeoutMs: o.timeoutMs }).pipe(
      map((res) => parseWith(HealthResponseSchema, res.body, 'health')),
      catchError((err: unknown) => {
        if (err instanceof ServerError && err.status === 503) {
          const parsed = safeParse(HealthResponseSchema, err.body);
          if (parsed.success) return of(parsed.data);
        }
        return throwError(() => err);
      }),
    ),
  );
}

/** `GET /credits/organizations/{orgId}` (the id is URL-encoded). */
export function getOrganizationCredits(
  ctx: CallContext,
  request: { orgId: string },
  options?: SimpleCallOptions,
): Observable<OrganizationCredits> {
  return guarded(ctx, options, (o) =>
    defer(() => {
      const orgId = ownProps((request ?? {}) as { orgId?: unknown }).orgId;
      if (typeof orgId !== 'string' || orgId.trim() === '') {
        throw new PulseValidationError('orgId', 'must be a non-empty string', { value: describe(orgId) });
      }
      // Encoded, `.` and `..` would still resolve as path steps (to /v1/credits/).
      if (DOT_SEGMENT.test(orgId)) {
        throw new PulseValidationError('orgId', "must not be '.' or '..'", { value: describe(orgId) });
      }
      return ctx.transport.send({
        method: 'GET',
        path: `/credits/organizations/${encodeURIComponent(orgId)}`,
        timeoutMs: o.timeoutMs,
      });
    }).pipe(map((res) => parseWith(OrganizationCreditsSchema, res.body, 'credits'))),
  );
}

/** `POST /usage/estimate` (no auth): the credits a call would cost. */
export function estimateUsage(ctx: CallContext, request: unknown, options?: SimpleCallOptions): Observable<UsageEstimateResponse> {
  return guarded(ctx, options, (o) =>
    defer(() => {
      const req = checkShape(UsageEstimateRequestSchema, request, 'request');
      checkTexts('inputs', req.inputs, { min: 1, max: Number.MAX_SAFE_INTEGER, maxLength: ctx.settings.maxTextLength ?? LIMITS.maxTextLength, mode: 'any' });
      return ctx.transport.send({ method: 'POST', path: '/usage/estimate', body: req, auth: false, timeoutMs: o.timeoutMs });
    }).pipe(map((res) => parseWith(UsageEstimateResponseSchema, res.body, 'usage estimate'))),
  );
}
