import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { from, map, type Observable } from 'rxjs';
import type { ResultMap } from '../analysis/AnalysisResults';
import { PulseValidationError } from '../http/errors';
import { Workflow } from '../workflow/Workflow';

/**
 * A `Workflow` from a `.json`, `.yaml` or `.yml` pipeline description, validated like
 * `Workflow.fromJSON` (errors name the step).
 *
 * @example
 * import { loadWorkflowFile } from 'pulse-rx/node';
 * const results = await firstValueFrom(loadWorkflowFile('pipeline.yaml').pipe(switchMap((w) => w.run(client))));
 */
export function loadWorkflowFile(path: string): Observable<Workflow<ResultMap>> {
  return from(readFile(path, 'utf8')).pipe(
    map((text) => {
      const ext = extname(path).toLowerCase();
      if (ext === '.json') return Workflow.fromJSON(text);
      if (ext !== '.yaml' && ext !== '.yml') throw new PulseValidationError('path', 'must end in .json, .yaml or .yml');
      let value: unknown;
      try {
        value = parseYaml(text);
      } catch (e) {
        throw new PulseValidationError('workflow', `is not valid YAML (${(e as Error).message.split('\n')[0]})`);
      }
      return Workflow.fromJSON(value);
    }),
  );
}
