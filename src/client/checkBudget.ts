import { map, Observable, of } from 'rxjs';
import { BudgetExceededError } from '../errors';
import type { JobKind } from '../schemas/jobs';
import type { UsageEstimateRequest, UsageEstimateResponse } from '../schemas/usage';
import type { BudgetConfig } from './CallOptions';

/** The `estimateUsage` feature that prices each kind of job (similarity and clustering are embeddings). */
const FEATURE: Record<JobKind, UsageEstimateRequest['feature']> = {
  embeddings: 'embeddings',
  similarity: 'embeddings',
  clustering: 'embeddings',
  themes: 'themes',
  sentiment: 'sentiment',
  extractions: 'extractions',
  summaries: 'summaries',
  'data-dictionary': 'data-dictionary',
};

/**
 * What `estimateUsage` is asked to price for a request of `kind`: its texts (both sets of a
 * similarity, the non-blank cells of a data dictionary).
 */
export function estimateRequestFor(kind: JobKind, request: object): UsageEstimateRequest {
  const r = request as { inputs?: string[]; set?: string[]; setA?: string[]; setB?: string[]; data?: string[][] };
  const texts =
    kind === 'data-dictionary'
      ? (r.data ?? []).flat().filter((cell) => cell.trim() !== '')
      : kind === 'similarity'
        ? [...(r.set ?? []), ...(r.setA ?? []), ...(r.setB ?? [])]
        : (r.inputs ?? []);
  return { feature: FEATURE[kind], inputs: texts };
}

/** The credits of an estimate: its `usage.total`, else the sum of its records' quantities. */
export function creditsOf(estimate: UsageEstimateResponse): number {
  const usage = estimate.usage as { total?: unknown; records?: { quantity?: unknown }[] };
  if (typeof usage.total === 'number' && Number.isFinite(usage.total)) return usage.total;
  // Never trust a server: an estimate we cannot read is not "free".
  if (!Array.isArray(usage.records) || usage.records.length === 0) return Infinity;
  const quantity = (rec: { quantity?: unknown }) => (typeof rec?.quantity === 'number' && Number.isFinite(rec.quantity) ? rec.quantity : Infinity);
  return usage.records.reduce((n, rec) => n + quantity(rec), 0);
}

/**
 * Emits once (the estimate, in credits) when the estimate fits the budget, else fails with
 * `BudgetExceededError`; without a budget it emits `undefined` and asks nothing.
 */
export function checkBudget(
  budget: BudgetConfig | undefined,
  estimate: (request: UsageEstimateRequest) => Observable<UsageEstimateResponse>,
  request: UsageEstimateRequest,
): Observable<number | undefined> {
  if (!budget) return of(undefined);
  return estimate(request).pipe(
    map((response) => {
      const credits = creditsOf(response);
      if (credits > budget.maxCredits) throw new BudgetExceededError(credits, budget.maxCredits);
      return credits;
    }),
  );
}
