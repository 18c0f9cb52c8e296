/**
 * Where a large run keeps its small JSON records (which part was submitted as which job, which
 * parts finished), so that running the same run id again after a crash resubmits nothing.
 * Implementations: `MemoryRunStore` (core), `FileRunStore` (`pulse-rx/node`), a `localStorage`
 * store for browsers, and `RedisRunStore` (`pulse-rx/bullmq`). Keys are chosen by the caller
 * (a run id, or a run id plus a suffix); values are plain JSON objects, small enough for one
 * Redis key or one file.
 *
 * @example
 * ```ts
 * const store: RunStore = new MemoryRunStore();
 * await store.put('survey-2026', { parts: [] });
 * const record = await store.get('survey-2026'); // { parts: [] }
 * await store.delete('survey-2026');
 * ```
 */
export interface RunStore {
  /** The record under `key`, or `undefined` when there is none. */
  get(key: string): Promise<RunRecord | undefined>;
  /** Replaces the record under `key` (atomically: a reader sees the old or the new record, never a mix). */
  put(key: string, record: RunRecord): Promise<void>;
  /** Removes the record under `key`; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

/** A record a {@link RunStore} keeps: a plain JSON object. */
export type RunRecord = { readonly [field: string]: unknown };
