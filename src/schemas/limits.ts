/**
 * Input limits of the API (spec v0.10.0), per endpoint and per mode. Pure data:
 * validation and (later) batch planning read them.
 */
export const LIMITS = {
  sentiment: { minInputs: 1, sync: 200, async: 5000 },
  embeddings: { minInputs: 1, sync: 200, async: 5000 },
  themes: { minInputs: 2, sync: 200, async: 500, maxThemes: 50, prune: [0, 25], initialSets: [1, 3] },
  clustering: { minInputs: 2, sync: 500, async: 44721, k: [1, 50] },
  extractions: { minInputs: 1, sync: 200, async: 5000, dictionary: [3, 200] },
  summaries: { minInputs: 1, sync: 200, async: 5000 },
  similarity: { minSet: 2, selfSync: 500, selfAsync: 44721, crossSync: 20_000, crossAsync: 2_000_000_000 },
  dataDictionary: { rows: 50_000, columns: 1000, cells: 100_000 },
  /** Client-side guard: the spec sets no per-text cap; longer texts exceed every model's context. */
  maxTextLength: 100_000,
} as const;
