import { z } from 'zod';
import { FastModeSchema, ProviderSpecSchema, TextsSchema, resultMeta } from './common';

/** Request of `generateThemes`. */
export const ThemesRequestSchema = z.strictObject({
  inputs: TextsSchema,
  minThemes: z.number().int().optional(),
  maxThemes: z.number().int().optional(),
  context: z.string().optional(),
  version: z.string().optional(),
  prune: z.number().int().optional(),
  fast: FastModeSchema.optional(),
  interactive: z.boolean().optional(),
  initialSets: z.number().int().optional(),
  provider: ProviderSpecSchema.optional(),
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
