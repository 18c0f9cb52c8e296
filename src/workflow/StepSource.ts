import { PulseValidationError } from '../errors';
import { ClusterResult } from '../analysis/results/ClusterResult';
import { ThemeAllocationResult } from '../analysis/results/ThemeAllocationResult';
import type { AnalysisResult } from '../analysis/results/AnalysisResult';
import type { ProcessKind } from '../analysis/Process';
import { checkOptions } from '../http/checkOptions';
import { checkedElsewhere, optionsObject } from '../schemas/optionsObject';

/**
 * Another step's output as a step's texts: that step's texts, or those of one of its
 * clusters (a `cluster` step) or of one of its themes (a `themeAllocation` step).
 *
 * @example
 * workflow.cluster({ k: 3 }).summary({ name: 'firstCluster', source: { step: 'cluster', cluster: 0 } });
 */
export interface StepSource {
  /** The step whose output is the source. */
  step: string;
  /** Only the texts of this cluster id (a `cluster` step). */
  cluster?: number;
  /** Only the texts given this theme (a `themeAllocation` step: its `assignments()`). */
  theme?: string;
}

const StepSourceKeysSchema = optionsObject(checkedElsewhere('step', 'cluster', 'theme'));

/** Fails on a key a step source does not have: `summary.source.stpe: unknown option; did you mean step?`. */
export function checkStepSourceKeys(id: string, source: unknown): void {
  if (source !== null && typeof source === 'object') checkOptions(StepSourceKeysSchema, source, `${id}.source`);
}

/** Checks a step source against the step it names, when the workflow is built. */
export function checkStepSource(id: string, source: StepSource, kind: ProcessKind | undefined): void {
  const field = `${id}.source`;
  if (kind === undefined) throw new PulseValidationError(`${field}.step`, `'${source.step}' is not an earlier step or a source of this workflow`);
  const { cluster, theme } = source;
  if (cluster !== undefined && theme !== undefined) throw new PulseValidationError(field, 'give cluster or theme, not both');
  if (cluster !== undefined) {
    if (kind !== 'cluster') throw new PulseValidationError(`${field}.cluster`, `'${source.step}' is not a cluster step`);
    if (!Number.isInteger(cluster) || cluster < 0) throw new PulseValidationError(`${field}.cluster`, 'must be a cluster id (an integer, 0 or more)');
  }
  if (theme !== undefined) {
    if (kind !== 'themeAllocation') throw new PulseValidationError(`${field}.theme`, `'${source.step}' is not a theme allocation step`);
    if (typeof theme !== 'string' || theme.trim() === '') throw new PulseValidationError(`${field}.theme`, 'must be a theme label');
  }
}

/** The texts a step source selects from the named step's result, at run time; never none. */
export function selectTexts(id: string, source: StepSource, result: AnalysisResult<unknown>): readonly string[] {
  let texts: readonly string[] = result.texts;
  if (source.cluster !== undefined && result instanceof ClusterResult) {
    const ids = result.assignments();
    texts = result.texts.filter((_, i) => ids[i] === source.cluster);
  } else if (source.theme !== undefined && result instanceof ThemeAllocationResult) {
    const given = result.assignments();
    texts = result.texts.filter((_, i) => given[i]!.themes.some((t) => t.theme === source.theme));
  }
  if (texts.length === 0) {
    const what = source.cluster !== undefined ? `cluster ${source.cluster}` : source.theme !== undefined ? `theme '${source.theme}'` : 'it';
    throw new PulseValidationError(`${id}.source`, `selected no texts: ${what} of '${source.step}' has none`);
  }
  return texts;
}
