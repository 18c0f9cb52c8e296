import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { requireOptional } from '../optionalPackage';
import { defer, from, map, type Observable } from 'rxjs';
import type { ResultMap } from '../analysis/AnalysisResults';
import { PulseValidationError } from '../errors';
import { checkOptions } from '../http/checkOptions';
import { checkedElsewhere, optionsObject } from '../schemas/optionsObject';
import { Workflow, type WorkflowLoadOptions } from '../workflow/Workflow';

/**
 * A `Workflow` from a `.json`, `.yaml` or `.yml` pipeline description, validated like
 * `Workflow.fromJSON` (errors name the step): ours (`sources`, `steps`), or the Python
 * SDK's (`pipeline`, snake_case names) over `options.dataset`, so existing files run unchanged.
 *
 * @example
 * import { loadWorkflowFile } from 'pulse-rx/node';
 * const results = await firstValueFrom(loadWorkflowFile('pipeline.yaml').pipe(switchMap((w) => w.run(client))));
 * loadWorkflowFile('python-pipeline.yaml', { dataset: reviews }); // {"pipeline": [{"sentiment": {}}]}
 */
export function loadWorkflowFile(path: string, options: LoadWorkflowFileOptions = {}): Observable<Workflow<ResultMap>> {
  return defer(() => {
    const checked = checkOptions(LoadWorkflowFileOptionsSchema, options, '');
    if (typeof path !== 'string' || path.trim() === '') {
      throw new PulseValidationError('path', 'must be a non-empty string', { value: typeof path });
    }
    return from(readFile(path, 'utf8').catch(unreadable)).pipe(map((text) => fromText(text, path, checked)));
  });
}

function fromText(text: string, path: string, options: LoadWorkflowFileOptions): Workflow<ResultMap> {
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return options.sources ? fromValue(parseJson(text), options) : Workflow.fromJSON(text, { dataset: options.dataset });
  if (ext !== '.yaml' && ext !== '.yml') throw new PulseValidationError('path', 'must end in .json, .yaml or .yml');
  const yaml = requireOptional<typeof import('yaml')>('yaml', 'loadWorkflowFile (pulse-rx/node)');
  let value: unknown;
  try {
    value = yaml.parse(text);
  } catch (e) {
    throw new PulseValidationError('workflow', `is not valid YAML (${(e as Error).message.split('\n')[0]})`);
  }
  return fromValue(value, options);
}

/** Options of `loadWorkflowFile`. */
export interface LoadWorkflowFileOptions extends WorkflowLoadOptions {
  /**
   * Texts of sources, set over the file's own (a pipeline file that names no texts, run on
   * a data file: `pulse workflow run pipeline.yaml FILE`). @default the file's sources
   */
  sources?: Record<string, readonly string[]>;
}

const LoadWorkflowFileOptionsSchema = optionsObject(checkedElsewhere('dataset', 'sources'));

/**
 * Our format takes `sources` over the file's own; the Python SDK's (`{ pipeline: [...] }`)
 * names no texts: the one source given (or `sources.dataset`) becomes its `dataset`.
 */
function fromValue(value: unknown, options: LoadWorkflowFileOptions): Workflow<ResultMap> {
  const python = value !== null && typeof value === 'object' && 'pipeline' in value;
  if (!python) return Workflow.fromJSON(options.sources ? withSources(value, options.sources) : value, { dataset: options.dataset });
  const given = options.sources ? Object.values(options.sources) : [];
  const dataset = options.dataset ?? options.sources?.dataset ?? (given.length === 1 ? given[0] : undefined);
  return Workflow.fromJSON(value, { dataset });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new PulseValidationError('workflow', 'is not valid JSON');
  }
}

function withSources(value: unknown, sources: Record<string, readonly string[]>): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const own = (value as { sources?: unknown }).sources;
  return { ...value, sources: { ...(own && typeof own === 'object' ? own : {}), ...sources } };
}

/** A file that cannot be read is a `PulseValidationError` on `path` naming the reason (not a raw Node error). */
function unreadable(err: unknown): never {
  const code = (err as { code?: unknown })?.code;
  const reasons: Record<string, string> = {
    ENOENT: 'names no file (ENOENT)',
    EISDIR: 'names a directory, not a file (EISDIR)',
    EACCES: 'cannot be read: permission denied (EACCES)',
  };
  const reason = reasons[String(code)] ?? `cannot be read (${typeof code === 'string' ? code : 'unknown error'})`;
  throw new PulseValidationError('path', reason);
}
