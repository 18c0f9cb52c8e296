import type { UsageReport } from '../../schemas/common';

interface Meta {
  requestId?: string;
  requestIds?: string[];
  usage?: UsageReport;
}

/** Joins the request ids and sums the usage of the results of a call's batches. */
export function mergeMeta(parts: Meta[]): Meta {
  const requestIds = parts.flatMap((p) => p.requestIds ?? (p.requestId ? [p.requestId] : []));
  const usages = parts.map((p) => p.usage).filter((u): u is UsageReport => u !== undefined);
  const out: Meta = { requestIds };
  if (requestIds[0]) out.requestId = requestIds[0];
  if (usages.length) {
    const byFeature = new Map<string, number>();
    for (const u of usages) for (const r of u.records) byFeature.set(r.feature, (byFeature.get(r.feature) ?? 0) + r.quantity);
    out.usage = {
      records: [...byFeature].map(([feature, quantity]) => ({ feature, quantity })),
      total: usages.reduce((s, u) => s + u.total, 0),
    };
  }
  return out;
}
