import * as z from 'zod/mini';
import { FastModeSchema, ProviderSpecSchema, TextsSchema, resultMeta } from './common';

/** Request of `generateThemes`. */
export const ThemesRequestSchema = z.strictObject({
  inputs: TextsSchema,
  minThemes: z.optional(z.number().check(z.int())),
  maxThemes: z.optional(z.number().check(z.int())),
  context: z.optional(z.string()),
  version: z.optional(z.string()),
  prune: z.optional(z.number().check(z.int())),
  fast: z.optional(FastModeSchema),
  interactive: z.optional(z.boolean()),
  initialSets: z.optional(z.number().check(z.int())),
  provider: z.optional(ProviderSpecSchema),
});
/** The type of `ThemesRequestSchema` (zod-inferred). */
export type ThemesRequest = z.infer<typeof ThemesRequestSchema>;

/** A theme; the spec says two representatives, the service sometimes sends more. */
export const ThemeSchema = z.object({
  shortLabel: z.string(),
  label: z.string(),
  description: z.string(),
  representatives: z.array(z.string()),
});
/** The type of `ThemeSchema` (zod-inferred). */
export type Theme = z.infer<typeof ThemeSchema>;

/** Response of `generateThemes`: `themes`, or `themeSets` with the 2025-09-01 model. */
export const ThemesResponseSchema = z.union([
  z.object({ themes: z.array(ThemeSchema), ...resultMeta }),
  z.object({ themeSets: z.array(z.array(ThemeSchema)), ...resultMeta }),
]);
/** The type of `ThemesResponseSchema` (zod-inferred). */
export type ThemesResponse = z.infer<typeof ThemesResponseSchema>;
