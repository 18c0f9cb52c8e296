import * as z from 'zod/mini';

const HealthCheckEntrySchema = z.object({
  status: z.enum(['ok', 'fail']),
  latency_ms: z.number().check(z.nonnegative()),
});

/** Response of `getHealth` (also the body of its 503). */
export const HealthResponseSchema = z.looseObject({
  status: z.enum(['ok', 'degraded', 'down']),
  region: z.string(),
  version: z.string(),
  time: z.string(),
  uptime_s: z.number().check(z.nonnegative()),
  checks: z.record(z.string(), HealthCheckEntrySchema),
});
/** The type of `HealthResponseSchema` (zod-inferred). */
export type HealthResponse = z.infer<typeof HealthResponseSchema>;
