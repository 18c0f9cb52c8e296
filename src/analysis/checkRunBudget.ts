import { defer, forkJoin, map, of, type Observable } from 'rxjs';
import type { BudgetConfig } from '../client/CallOptions';
import { creditsOf } from '../client/checkBudget';
import type { PulseClient } from '../client/PulseClient';
import { BudgetExceededError } from '../errors';
import type { UsageEstimateRequest } from '../schemas/usage';
import type { ProcessKind } from './Process';
import type { PlannedStep } from './runProcesses';

/** The `estimateUsage` feature that prices each process (allocation, similarity and clusters are embeddings). */
const FEATURE: Record<ProcessKind, UsageEstimateRequest['feature']> = {
  themeGeneration: 'themes',
  sentiment: 'sentiment',
  themeAllocation: 'embeddings',
  themeExtraction: 'extractions',
  similarity: 'embeddings',
  cluster: 'embeddings',
  summary: 'summaries',
  dataDictionary: 'data-dictionary',
  embeddings: 'embeddings',
};


/**
 * A whole run's cost guard: one estimate per step (asked together), summed, before any step
 * starts; over `maxCredits` the run fails with `BudgetExceededError` and submits nothing.
 * Emits once (the total estimate) when it fits; without a budget asks nothing.
 *
 * @example
 * checkRunBudget(client, steps, { maxCredits: 500 }).pipe(switchMap(() => runProcesses(steps, settings)));
 */
export function checkRunBudget(client: PulseClient, steps: readonly PlannedStep[], budget: BudgetConfig | undefined): Observable<number | undefined> {
  if (!budget) return of(undefined);
  return defer(() =>
    forkJoin(
      steps.map(({ process, texts }) =>
        client.estimateUsage({ feature: FEATURE[process.kind], inputs: texts.filter((t) => t.trim() !== '') }).pipe(map(creditsOf)),
      ),
    ),
  ).pipe(
    map((credits) => {
      const total = credits.reduce((a, b) => a + b, 0);
      if (total > budget.maxCredits) throw new BudgetExceededError(total, budget.maxCredits);
      return total;
    }),
  );
}
