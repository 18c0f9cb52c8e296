import * as z from 'zod/mini';
import { resultMeta } from './common';

/** Request of `generateDataDictionary`: a 2D array of string cells (first row: headers). */
export const DataDictionaryRequestSchema = z.strictObject({
  data: z.array(z.array(z.string())),
  options: z.optional(
    z.strictObject({
      title: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
      description: z.optional(z.string().check(z.minLength(1), z.maxLength(1000))),
      context: z.optional(z.string().check(z.minLength(1), z.maxLength(2000))),
      language: z.optional(
        z.string().check(z.regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'must be an ISO 639-1 code such as "en" or "en-GB"')),
      ),
    }),
  ),
  /** Only asynchronous processing is supported; `true` is refused before sending. */
  fast: z.optional(z.union([z.literal(false), z.literal('auto')])),
});
/** The type of `DataDictionaryRequestSchema` (zod-inferred). */
export type DataDictionaryRequest = z.infer<typeof DataDictionaryRequestSchema>;

/** A DDI variable; unknown DDI fields are kept. */
export const DDIVariableSchema = z.looseObject({
  variableName: z.string(),
  variableLabel: z.string(),
  type: z.string(),
  scaleLevel: z.string(),
  sourceColumns: z.string(),
});
/** The type of `DDIVariableSchema` (zod-inferred). */
export type DDIVariable = z.infer<typeof DDIVariableSchema>;

/** A DDI value domain (the set of values a coded variable takes); unknown fields are kept. */
export const DDIValueDomainSchema = z.looseObject({
  valueDomainId: z.string(),
  label: z.string(),
  domainType: z.string(),
  dataType: z.string(),
});
/** The type of `DDIValueDomainSchema` (zod-inferred). */
export type DDIValueDomain = z.infer<typeof DDIValueDomainSchema>;

/** A DDI category: one code of a value domain, its label and order; unknown fields are kept. */
export const DDICategorySchema = z.looseObject({
  valueDomainId: z.string(),
  code: z.string(),
  label: z.string(),
  order: z.number(),
  frequency: z.optional(z.number()),
});
/** The type of `DDICategorySchema` (zod-inferred). */
export type DDICategory = z.infer<typeof DDICategorySchema>;

/** Response of `generateDataDictionary`: a DDI codebook in JSON. */
export const DataDictionaryResponseSchema = z.looseObject({
  profileVersion: z.string(),
  profileName: z.string(),
  codebook: z.looseObject({
    title: z.string(),
    description: z.string(),
    creationDate: z.string(),
    language: z.string(),
    variables: z.array(DDIVariableSchema),
  }),
  extensions: z.optional(z.record(z.string(), z.unknown())),
  ...resultMeta,
});
/** The type of `DataDictionaryResponseSchema` (zod-inferred). */
export type DataDictionaryResponse = z.infer<typeof DataDictionaryResponseSchema>;
