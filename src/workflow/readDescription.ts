import { checkDataset } from '../analysis/inputs';
import { checkShape } from '../client/validate';
import { PulseValidationError } from '../errors';
import { checkOptions } from '../http/checkOptions';
import { checkedElsewhere, optionsObject } from '../schemas/optionsObject';
import { orderedSteps } from './orderedSteps';
import { fromPythonPipeline, isPythonPipeline } from './pythonPipeline';
import { WorkflowSpecSchema, type WorkflowSpec, type WorkflowStepSpec } from './WorkflowSpec';

/** Options of `Workflow.fromJSON` and `loadWorkflowFile`. */
export interface WorkflowLoadOptions {
  /** The texts of a pipeline in the Python SDK's format, which names none (source `dataset`). */
  dataset?: readonly string[];
}

const WorkflowLoadOptionsSchema = optionsObject(checkedElsewhere('dataset'));

/**
 * What `Workflow.fromJSON` builds from: a pipeline description (an object or JSON text; ours,
 * or the Python SDK's over `options.dataset`), validated (unknown keys and bad values fail,
 * naming their path: `steps[1].themesFom`), its steps named and in an order the DSL can add them.
 *
 * @example
 * const { sources, steps } = readDescription('{"sources":{"r":["a","b"]},"steps":[{"type":"sentiment"}]}', {});
 */
export function readDescription(spec: unknown, options: WorkflowLoadOptions): { sources: WorkflowSpec['sources']; steps: WorkflowStepSpec[] } {
  let value = spec;
  if (typeof spec === 'string') {
    try {
      value = JSON.parse(spec);
    } catch {
      throw new PulseValidationError('workflow', 'is not valid JSON');
    }
  }
  const given = checkOptions<WorkflowLoadOptions>(WorkflowLoadOptionsSchema, options, '').dataset;
  const dataset = given === undefined ? undefined : checkDataset('dataset', given);
  if (isPythonPipeline(value)) value = fromPythonPipeline(value, dataset);
  else if (dataset !== undefined) throw new PulseValidationError('dataset', "is for pipeline files in the Python SDK's format; this description names its own sources");
  const parsed = checkShape(WorkflowSpecSchema, value, 'workflow');
  return { sources: parsed.sources, steps: orderedSteps(parsed) };
}
