import * as z from 'zod/mini';

/** One line of a usage report: how many units of a feature a call consumed. */
export const UsageRecordSchema = z.object({
  feature: z.string(),
  quantity: z.number().check(z.nonnegative()),
});
/** The type of `UsageRecordSchema` (zod-inferred). */
export type UsageRecord = z.infer<typeof UsageRecordSchema>;

/** Credit usage attached to a response. */
export const UsageReportSchema = z.object({
  records: z.array(UsageRecordSchema),
  total: z.number().check(z.nonnegative()),
});
/** The type of `UsageReportSchema` (zod-inferred). */
export type UsageReport = z.infer<typeof UsageReportSchema>;

/** One detail of an `ErrorResponse`, typically a validation failure on a field. */
export const ErrorDetailSchema = z.object({
  code: z.optional(z.string()),
  message: z.optional(z.string()),
  path: z.optional(z.array(z.union([z.string(), z.number()]))),
  field: z.optional(z.string()),
  location: z.optional(z.string()),
});
/** The type of `ErrorDetailSchema` (zod-inferred). */
export type ErrorDetail = z.infer<typeof ErrorDetailSchema>;

/** The API's standard error payload. */
export const ErrorResponseSchema = z.object({
  code: z.string(),
  message: z.string(),
  errors: z.optional(z.array(ErrorDetailSchema)),
  meta: z.optional(z.record(z.string(), z.unknown())),
  requestId: z.optional(z.string()),
});
/** The type of `ErrorResponseSchema` (zod-inferred). */
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

/** Override of the model provider used by an endpoint. */
export const ProviderSpecSchema = z.strictObject({
  type: z.string().check(z.minLength(1)),
  auth: z.record(z.string(), z.unknown()),
  endpoint: z.optional(z.string()),
});
/** The type of `ProviderSpecSchema` (zod-inferred). */
export type ProviderSpec = z.infer<typeof ProviderSpecSchema>;

/**
 * Processing mode: `true` answers synchronously (small inputs), `false` submits a job,
 * `'auto'` picks synchronous mode when the input fits the synchronous limits.
 */
export const FastModeSchema = z.union([z.boolean(), z.literal('auto')], { error: "must be true, false or 'auto'" });
/** The type of `FastModeSchema` (zod-inferred). */
export type FastMode = z.infer<typeof FastModeSchema>;

/** Non-empty string input; type checks only, limits are checked per endpoint and mode. */
export const TextsSchema = z.array(z.string());

/** Fields every result carries: the request id (sometimes missing) and the usage report. */
export const resultMeta = {
  requestId: z.optional(z.string()),
  /** Set by the client when a call was split into batches: every batch's request id, in order. */
  requestIds: z.optional(z.array(z.string())),
  usage: z.optional(UsageReportSchema),
};
