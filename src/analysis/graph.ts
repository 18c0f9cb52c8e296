import { PulseValidationError } from '../errors';

/** A node of a dependency graph. */
export interface GraphNode {
  id: string;
  kind: string;
  dependsOn: readonly string[];
}

/**
 * The nodes in dependency order (stable: declaration order among independent nodes).
 * Unknown dependencies and cycles fail with a `PulseValidationError` naming the step.
 */
export function topoSort<N extends GraphNode>(nodes: readonly N[]): N[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const n of nodes) {
    for (const d of n.dependsOn) {
      if (!byId.has(d)) throw new PulseValidationError(`${n.id}.dependsOn`, `needs '${d}', which is not a step of this analysis`);
    }
  }
  const order: N[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (n: N, path: string[]) => {
    if (state.get(n.id) === 'done') return;
    if (state.get(n.id) === 'visiting') {
      const cycle = [...path.slice(path.indexOf(n.id)), n.id];
      throw new PulseValidationError(`${n.id}.dependsOn`, `is part of a cycle: ${cycle.join(' -> ')}`);
    }
    state.set(n.id, 'visiting');
    for (const d of n.dependsOn) visit(byId.get(d)!, [...path, n.id]);
    state.set(n.id, 'done');
    order.push(n);
  };
  for (const n of nodes) visit(n, []);
  return order;
}

/** Mermaid flowchart text of a graph (`graph TD`), for docs and debugging. */
export function toMermaid(nodes: readonly GraphNode[], sources: readonly string[] = []): string {
  const safe = (id: string) => id.replace(/[^A-Za-z0-9_]/g, '_');
  const lines = ['graph TD'];
  for (const s of sources) lines.push(`  ${safe(s)}[("${s}")]`);
  for (const n of nodes) lines.push(`  ${safe(n.id)}["${n.id}: ${n.kind}"]`);
  for (const n of nodes) for (const d of n.dependsOn) lines.push(`  ${safe(d)} --> ${safe(n.id)}`);
  return lines.join('\n');
}
