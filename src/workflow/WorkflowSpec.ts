import { z } from 'zod';
import { FastModeSchema } from '../schemas/common';
import { SplitSchema } from '../schemas/similarity';
import { ThemeSchema } from '../schemas/themes';

const name = z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/, 'must be 1-64 letters, digits, _ or -, starting with a letter or _');
const stepSource = z.strictObject({ step: name, cluster: z.number().int().min(0).optional(), theme: z.string().min(1).optional() });
const base = { name: name.optional(), source: z.union([name, stepSource]).optional(), fast: FastModeSchema.optional() };
const themes = { themes: z.array(z.union([z.string(), ThemeSchema])).optional(), themesFrom: name.optional() };

/** One step of a pipeline description; `type` is the Workflow method's name. */
export const WorkflowStepSpecSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('themeGeneration'),
    ...base,
    minThemes: z.number().int().optional(),
    maxThemes: z.number().int().optional(),
    context: z.string().optional(),
    version: z.string().optional(),
    prune: z.number().int().optional(),
    interactive: z.boolean().optional(),
    initialSets: z.number().int().optional(),
  }),
  z.strictObject({ type: z.literal('sentiment'), ...base, version: z.string().optional() }),
  z.strictObject({
    type: z.literal('themeAllocation'),
    ...base,
    ...themes,
    threshold: z.number().optional(),
    singleLabel: z.boolean().optional(),
    split: SplitSchema.optional(),
    version: z.string().optional(),
  }),
  z.strictObject({
    type: z.literal('themeExtraction'),
    ...base,
    ...themes,
    dictionary: z.array(z.string()).optional(),
    // `type` names the step: the extraction's own type is `extractionType` in a description.
    extractionType: z.enum(['named-entities', 'themes']).optional(),
    category: z.string().optional(),
    expandDictionary: z.boolean().optional(),
    expandDictionaryLimit: z.number().int().optional(),
    version: z.string().optional(),
  }),
  z.strictObject({
    type: z.literal('similarity'),
    ...base,
    setA: z.array(z.string()).optional(),
    setB: z.array(z.string()).optional(),
    flatten: z.boolean().optional(),
    split: SplitSchema.optional(),
    version: z.string().optional(),
  }),
  z.strictObject({
    type: z.literal('cluster'),
    ...base,
    k: z.number().int().optional(),
    algorithm: z.enum(['kmeans', 'skmeans', 'agglomerative', 'hdbscan']).optional(),
  }),
  z.strictObject({
    type: z.literal('summary'),
    ...base,
    question: z.string().optional(),
    length: z.enum(['bullet-points', 'short', 'medium', 'long']).optional(),
    preset: z.enum(['five-point', 'ten-point', 'one-tweet', 'three-tweets', 'one-para', 'exec', 'two-pager', 'one-pager']).optional(),
  }),
  z.strictObject({
    type: z.literal('dataDictionary'),
    ...base,
    header: z.string().optional(),
    title: z.string().optional(),
    description: z.string().optional(),
    context: z.string().optional(),
    language: z.string().optional(),
  }),
  z.strictObject({ type: z.literal('createEmbeddings'), ...base }),
]);
/** One step of a pipeline description. */
export type WorkflowStepSpec = z.infer<typeof WorkflowStepSpecSchema>;

/**
 * A pipeline description (JSON, or YAML through `loadWorkflowFile` on Node).
 *
 * @example
 * { "sources": { "reviews": ["Great rides", "Cold food"] },
 *   "steps": [{ "type": "themeGeneration", "maxThemes": 4 }, { "type": "sentiment" }, { "type": "themeAllocation" }] }
 */
export const WorkflowSpecSchema = z.strictObject({
  sources: z.record(name, z.array(z.string())),
  steps: z.array(WorkflowStepSpecSchema).min(1),
});
/** A pipeline description (the type of `WorkflowSpecSchema`). */
export type WorkflowSpec = z.infer<typeof WorkflowSpecSchema>;
