import type { JournalEntry } from 'pulse-rx/emulator';

/** Most requests the emulator had open at once (intervals [at, doneAt), ends before starts). */
export function maxConcurrent(entries: readonly JournalEntry[]): number {
  const edges = entries.flatMap((e) => [
    { t: e.at, d: 1 },
    { t: e.doneAt || Number.POSITIVE_INFINITY, d: -1 },
  ]);
  edges.sort((a, b) => a.t - b.t || a.d - b.d);
  let open = 0;
  let max = 0;
  for (const e of edges) max = Math.max(max, (open += e.d));
  return max;
}
