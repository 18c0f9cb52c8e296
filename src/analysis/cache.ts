import * as z from 'zod/mini';
import { ClusteringResponseSchema } from '../schemas/clustering';
import { DataDictionaryResponseSchema } from '../schemas/dataDictionary';
import { EmbeddingsResponseSchema } from '../schemas/embeddings';
import { ExtractionsResponseSchema } from '../schemas/extractions';
import { SentimentResponseSchema } from '../schemas/sentiment';
import { SimilarityResponseSchema } from '../schemas/similarity';
import { SummariesResponseSchema } from '../schemas/summaries';
import { ThemeSchema, ThemesResponseSchema } from '../schemas/themes';
import { PulseValidationError } from '../errors';
import type { ProcessKind } from './Process';
import { safeParse } from '../schemas/safeParse';

/**
 * Where Analyzer and Workflow keep results between runs. Keys are content hashes of the
 * step's kind, parameters, texts and upstream results; values are the raw JSON results.
 * Methods may be synchronous or return promises (e.g. a disk cache). What `get` answers is
 * checked with the step's result schema before use: an entry that does not match (edited,
 * truncated, planted) is a miss, and the step runs again.
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

  /** Forgets every entry and resets `hits` and `misses`. */
  clear(): void {
    this.entries.clear();
    this.hits = 0;
    this.misses = 0;
  }
}

/**
 * The `cache` option of Analyzer and Workflow checked: a `ResultCache`, or `false` (or
 * undefined) for none. `false` says "no cache" explicitly, e.g. to bypass one set up elsewhere.
 */
export function cacheOption(cache: unknown): ResultCache | undefined {
  if (cache === undefined || cache === false) return undefined;
  const ok = cache !== null && typeof cache === 'object' && typeof (cache as ResultCache).get === 'function' && typeof (cache as ResultCache).set === 'function';
  if (!ok) throw new PulseValidationError('cache', 'must be a ResultCache (get and set) or false');
  return cache as ResultCache;
}

/** The raw result of each kind of process, as the client validated it before caching it. */
const CACHED_RESULT: Record<ProcessKind, z.ZodMiniType> = {
  themeGeneration: ThemesResponseSchema,
  sentiment: SentimentResponseSchema,
  themeAllocation: z.object({ themes: z.array(z.union([z.string(), ThemeSchema])), similarity: z.array(z.array(z.number())) }),
  themeExtraction: ExtractionsResponseSchema,
  similarity: SimilarityResponseSchema,
  cluster: ClusteringResponseSchema,
  summary: SummariesResponseSchema,
  dataDictionary: DataDictionaryResponseSchema,
  embeddings: EmbeddingsResponseSchema,
};

/**
 * A cached raw result checked with its kind's result schema (the parsed copy, unknown
 * keys dropped where the schema drops them), or undefined when it does not match: a
 * cache is outside the program (a file anyone may edit), so a bad entry is a miss.
 *
 * @example
 * cachedResult('sentiment', await cache.get(key)) ?? runAgain();
 */
export function cachedResult(kind: ProcessKind, value: unknown): unknown {
  if (value === undefined) return undefined;
  const parsed = safeParse(CACHED_RESULT[kind], value);
  return parsed.success ? parsed.data : undefined;
}
