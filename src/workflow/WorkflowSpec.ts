import * as z from 'zod/mini';
import { FastModeSchema } from '../schemas/common';
import { closestKey, knownKeys } from '../schemas/optionsObject';
import { SplitSchema } from '../schemas/similarity';
import { ThemeSchema } from '../schemas/themes';

const name = z.string().check(z.regex(/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/, 'must be 1-64 letters, digits, _ or -, starting with a letter or _'));
const int = () => z.number().check(z.int());
// Each object of a description first refuses the keys it does not know, naming the closest
// known one (`steps[1].themesFom: unknown option; did you mean themesFrom?`), then checks values.
const stepSourceShape = {
  step: name,
  cluster: z.optional(z.number().check(z.int(), z.minimum(0))),
  theme: z.optional(z.string().check(z.minLength(1))),
};
// A source's name, or another step's output (an object: its keys are checked before the union,
// which would name no key).
const source = z.pipe(knownKeys(() => Object.keys(stepSourceShape)), z.union([name, z.strictObject(stepSourceShape)]));
const base = { name: z.optional(name), source: z.optional(source), fast: z.optional(FastModeSchema) };
const themes = { themes: z.optional(z.array(z.union([z.string(), ThemeSchema]))), themesFrom: z.optional(name) };

const StepUnionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('themeGeneration'),
    ...base,
    minThemes: z.optional(int()),
    maxThemes: z.optional(int()),
    context: z.optional(z.string()),
    version: z.optional(z.string()),
    prune: z.optional(int()),
    interactive: z.optional(z.boolean()),
    initialSets: z.optional(int()),
  }),
  z.strictObject({ type: z.literal('sentiment'), ...base, version: z.optional(z.string()) }),
  z.strictObject({
    type: z.literal('themeAllocation'),
    ...base,
    ...themes,
    threshold: z.optional(z.number()),
    singleLabel: z.optional(z.boolean()),
    split: z.optional(SplitSchema),
    version: z.optional(z.string()),
  }),
  z.strictObject({
    type: z.literal('themeExtraction'),
    ...base,
    ...themes,
    dictionary: z.optional(z.array(z.string())),
    // `type` names the step: the extraction's own type is `extractionType` in a description.
    extractionType: z.optional(z.enum(['named-entities', 'themes'])),
    category: z.optional(z.string()),
    expandDictionary: z.optional(z.boolean()),
    expandDictionaryLimit: z.optional(int()),
    version: z.optional(z.string()),
  }),
  z.strictObject({
    type: z.literal('similarity'),
    ...base,
    setA: z.optional(z.array(z.string())),
    setB: z.optional(z.array(z.string())),
    flatten: z.optional(z.boolean()),
    split: z.optional(SplitSchema),
    version: z.optional(z.string()),
  }),
  z.strictObject({
    type: z.literal('cluster'),
    ...base,
    k: z.optional(int()),
    algorithm: z.optional(z.enum(['kmeans', 'skmeans', 'agglomerative', 'hdbscan'])),
  }),
  z.strictObject({
    type: z.literal('summary'),
    ...base,
    question: z.optional(z.string()),
    length: z.optional(z.enum(['bullet-points', 'short', 'medium', 'long'])),
    preset: z.optional(z.enum(['five-point', 'ten-point', 'one-tweet', 'three-tweets', 'one-para', 'exec', 'two-pager', 'one-pager'])),
  }),
  z.strictObject({
    type: z.literal('dataDictionary'),
    ...base,
    header: z.optional(z.string()),
    title: z.optional(z.string()),
    description: z.optional(z.string()),
    context: z.optional(z.string()),
    language: z.optional(z.string()),
  }),
  z.strictObject({ type: z.literal('createEmbeddings'), ...base }),
]);

/** Each step type's keys (`type` included), from its schema. */
const STEP_KEYS = new Map(StepUnionSchema.def.options.map((o) => [o.shape.type.def.values[0] as string, Object.keys(o.shape)]));

/** The keys a step of this `type` may have (`type`, `name`, `source`, `fast` and its own); none for an unknown type. */
export function stepKeys(type: unknown): readonly string[] | undefined {
  return typeof type === 'string' ? STEP_KEYS.get(type) : undefined;
}

/** A step's `type` must name a step: `must be one of ...`, with the closest when misspelt. */
const StepTypeCheck = z.unknown().check(
  z.superRefine((step, ctx) => {
    if (step === null || typeof step !== 'object' || Array.isArray(step)) return; // the union says so
    const type = (step as { type?: unknown }).type;
    if (typeof type === 'string' && STEP_KEYS.has(type)) return;
    const types = [...STEP_KEYS.keys()];
    const close = typeof type === 'string' ? closestKey(type, types) : undefined;
    const message = `must be one of ${types.join(', ')}${close ? `; did you mean ${close}?` : ''}`;
    ctx.addIssue({ code: 'custom', message, path: ['type'], input: type });
  }),
);

/** One step of a pipeline description; `type` is the Workflow method's name. */
export const WorkflowStepSpecSchema = z.pipe(
  z.pipe(StepTypeCheck, knownKeys((step) => stepKeys((step as { type?: unknown }).type))),
  StepUnionSchema,
);
/** One step of a pipeline description. */
export type WorkflowStepSpec = z.infer<typeof WorkflowStepSpecSchema>;

/**
 * A pipeline description (JSON, or YAML through `loadWorkflowFile` on Node).
 *
 * @example
 * { "sources": { "reviews": ["Great rides", "Cold food"] },
 *   "steps": [{ "type": "themeGeneration", "maxThemes": 4 }, { "type": "sentiment" }, { "type": "themeAllocation" }] }
 */
export const WorkflowSpecSchema = z.pipe(
  knownKeys(() => ['sources', 'steps']),
  z.strictObject({
    sources: z.record(name, z.array(z.string())),
    steps: z.array(WorkflowStepSpecSchema).check(z.minLength(1)),
  }),
);
/** A pipeline description (the type of `WorkflowSpecSchema`). */
export type WorkflowSpec = z.infer<typeof WorkflowSpecSchema>;
