import { safeParse } from '../schemas/safeParse';
import { PulseValidationError } from '../errors';
import { closestKey } from '../schemas/optionsObject';
import { stepKeys, WorkflowStepSpecSchema, type WorkflowSpec } from './WorkflowSpec';

/**
 * The vendor's Python SDK's pipeline files (`Workflow.from_file`): a top-level `pipeline`
 * list of single-key mappings, step and parameter names in snake_case, e.g.
 * `{"pipeline": [{"theme_generation": {"min_themes": 2}}, {"sentiment": {}}]}`. They name no
 * texts: the dataset is given when loading.
 */
export interface PythonPipeline {
  pipeline: unknown[];
}

/** Python step names (and the aliases its versions used) to our step types. */
const STEPS: Record<string, WorkflowSpec['steps'][number]['type']> = {
  theme_generation: 'themeGeneration',
  sentiment: 'sentiment',
  theme_allocation: 'themeAllocation',
  theme_extraction: 'themeExtraction',
  similarity: 'similarity',
  cluster: 'cluster',
  clustering: 'cluster',
  summary: 'summary',
  summarize: 'summary',
  data_dictionary: 'dataDictionary',
  embeddings: 'createEmbeddings',
  create_embeddings: 'createEmbeddings',
};

/** Python parameter names that are not the snake_case of ours. */
const RENAMED: Record<string, string> = { inputs: 'source', type: 'extractionType' };

/** Whether a parsed file is in the Python SDK's format. */
export function isPythonPipeline(value: unknown): value is PythonPipeline {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && 'pipeline' in value;
}

/**
 * Our pipeline description of a Python one over `dataset` (the source `dataset`). Unknown
 * steps and parameters fail here, naming the step: `pipeline[1].sentiment.colour`.
 */
export function fromPythonPipeline(value: PythonPipeline, dataset: readonly string[] | undefined): unknown {
  const extra = Object.keys(value).filter((k) => k !== 'pipeline');
  if (extra.length) throw new PulseValidationError(`workflow.${extra[0]}`, 'is not a known field of a pipeline file (only "pipeline")');
  if (!Array.isArray(value.pipeline) || value.pipeline.length === 0) throw new PulseValidationError('pipeline', 'must be a non-empty list of steps');
  if (dataset === undefined) throw new PulseValidationError('dataset', 'is required: a pipeline file names no texts (give { dataset })');
  const steps = value.pipeline.map((entry, i) => step(entry, `pipeline[${i}]`));
  return { sources: { dataset: [...dataset] }, steps };
}

function step(entry: unknown, at: string): Record<string, unknown> {
  const [name, params] = typeof entry === 'string' ? [entry, {}] : single(entry, at);
  const type = STEPS[name];
  if (!type) throw new PulseValidationError(at, `"${name}" is not a known step (known: ${Object.keys(STEPS).join(', ')})`);
  if (params === null || typeof params !== 'object' || Array.isArray(params)) {
    throw new PulseValidationError(`${at}.${name}`, 'must be a mapping of parameters (or {})');
  }
  const known = knownParams(type);
  const out: Record<string, unknown> = { type };
  for (const [key, v] of Object.entries(params as Record<string, unknown>)) {
    const ours = RENAMED[key] ?? camel(key);
    if (!known.has(ours)) throw new PulseValidationError(`${at}.${name}.${key}`, unknownParam(key, name, [...known].map(snake)));
    out[ours] = v;
  }
  const parsed = safeParse(WorkflowStepSpecSchema, out);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0] ?? '');
    const param = Object.keys(params as object).find((k) => (RENAMED[k] ?? camel(k)) === key) ?? key;
    throw new PulseValidationError([at, name, param, ...issue.path.slice(1).map(String)].filter(Boolean).join('.'), issue.message);
  }
  return out;
}

function single(entry: unknown, at: string): [string, unknown] {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry) || Object.keys(entry).length !== 1) {
    throw new PulseValidationError(at, 'must be a mapping with one key, the step (e.g. {"sentiment": {}})');
  }
  const [[name, params]] = Object.entries(entry) as [[string, unknown]];
  return [name, params ?? {}];
}

function knownParams(type: string): Set<string> {
  return new Set(stepKeys(type)!.filter((k) => k !== 'type'));
}

/** `is not a parameter of theme_generation; did you mean min_themes? (known: ...)`. */
function unknownParam(key: string, step: string, known: string[]): string {
  const suggestion = closestKey(key, known);
  return `is not a parameter of ${step}${suggestion === undefined ? '' : `; did you mean ${suggestion}?`} (known: ${known.join(', ')})`;
}

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const snake = (s: string) => (s === 'extractionType' ? 'type' : s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
