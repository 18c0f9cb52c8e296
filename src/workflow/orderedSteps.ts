import { topoSort } from '../analysis/graph';
import type { WorkflowSpec, WorkflowStepSpec } from './WorkflowSpec';

/**
 * The steps of a description, named and in an order the DSL can add them: unnamed steps
 * get their names in file order, as the DSL gives them (sentiment, sentiment_2, ...), and
 * each step comes after the steps it takes themes or texts from.
 */
export function orderedSteps(parsed: WorkflowSpec): WorkflowStepSpec[] {
  const used = new Set([...Object.keys(parsed.sources), ...parsed.steps.flatMap((s) => (s.name ? [s.name] : []))]);
  const named = parsed.steps.map((step) => ({ ...step, name: step.name ?? claimName(DEFAULT_NAMES[step.type], used) }));
  const generators = named.filter((s) => s.type === 'themeGeneration').map((s) => s.name);
  const steps = named.map((step) => ({ step, id: step.name, dependsOn: [...themeDeps(step, generators), ...sourceDeps(step)] }));
  const known = new Set(steps.map((s) => s.id));
  return topoSort(steps.map((s) => ({ ...s, kind: s.step.type, dependsOn: s.dependsOn.filter((d) => known.has(d)) }))).map((n) => n.step);
}

const DEFAULT_NAMES: Record<WorkflowStepSpec['type'], string> = {
  themeGeneration: 'themeGeneration',
  sentiment: 'sentiment',
  themeAllocation: 'themeAllocation',
  themeExtraction: 'themeExtraction',
  similarity: 'similarity',
  cluster: 'cluster',
  summary: 'summary',
  dataDictionary: 'dataDictionary',
  createEmbeddings: 'embeddings',
};

/** `base`, else `base_2`, `base_3`, ...: the first not in `used` (which it joins). */
export function claimName(base: string, used: Set<string>): string {
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
  used.add(name);
  return name;
}

/** The step a described step reads its texts from, if any, for ordering. */
function sourceDeps(step: WorkflowStepSpec): string[] {
  return typeof step.source === 'object' && step.source !== null ? [step.source.step] : [];
}

/** The steps a described step needs before it (its theme source), for ordering. */
function themeDeps(step: WorkflowStepSpec, generators: string[]): string[] {
  if (step.type !== 'themeAllocation' && step.type !== 'themeExtraction') return [];
  if (step.themes || (step.type === 'themeExtraction' && step.dictionary)) return [];
  return step.themesFrom ? [step.themesFrom] : generators;
}

