/**
 * Where Analyzer and Workflow keep results between runs. Keys are content hashes of the
 * step's kind, parameters, texts and upstream results; values are the raw JSON results.
 * Methods may be synchronous or return promises (e.g. a disk cache).
 */
export interface ResultCache {
  /** The raw result stored under `key`, or undefined. */
  get(key: string): unknown | Promise<unknown>;
  /** Stores a raw (JSON) result under `key`. */
  set(key: string, value: unknown): void | Promise<void>;
}

/**
 * An in-memory cache with least-recently-used eviction; stores copies, so changing a
 * result never changes the cache.
 *
 * @example
 * const cache = new MemoryCache();
 * new Analyzer({ dataset, processes, cache }); // a second run with the same input sends nothing
 */
export class MemoryCache implements ResultCache {
  private readonly entries = new Map<string, unknown>();
  /** How many lookups found a result, and how many did not. */
  hits = 0;
  misses = 0;

  constructor(private readonly maxEntries = 100) {}

  /** The stored copy under `key` (a hit), or undefined (a miss). */
  get(key: string): unknown {
    if (!this.entries.has(key)) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    const value = this.entries.get(key);
    this.entries.delete(key);
    this.entries.set(key, value);
    return structuredClone(value);
  }

  /** Stores a copy; evicts the least recently used entry past `maxEntries`. */
  set(key: string, value: unknown): void {
    this.entries.delete(key);
    this.entries.set(key, structuredClone(value));
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
