import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { defer, from, map, type Observable } from 'rxjs';
import type { ResultMap } from '../analysis/AnalysisResults';
import { PulseValidationError } from '../errors';
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
export function loadWorkflowFile(path: string, options: WorkflowLoadOptions = {}): Observable<Workflow<ResultMap>> {
  return defer(() => {
    if (typeof path !== 'string' || path.trim() === '') {
      throw new PulseValidationError('path', 'must be a non-empty string', { value: typeof path });
    }
    return from(readFile(path, 'utf8').catch(unreadable));
  }).pipe(
    map((text) => {
      const ext = extname(path).toLowerCase();
      if (ext === '.json') return Workflow.fromJSON(text, options);
      if (ext !== '.yaml' && ext !== '.yml') throw new PulseValidationError('path', 'must end in .json, .yaml or .yml');
      let value: unknown;
      try {
        value = parseYaml(text);
      } catch (e) {
        throw new PulseValidationError('workflow', `is not valid YAML (${(e as Error).message.split('\n')[0]})`);
      }
      return Workflow.fromJSON(value, options);
    }),
  );
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
