import type { RunRecord, RunStore } from './RunStore';

/**
 * A {@link RunStore} in this process's memory: runs survive a failed subscription or a
 * retry, not a crash. Records are copied in and out (as JSON), so a caller cannot change a
 * stored record by mutating what it passed or got.
 *
 * @example
 * ```ts
 * import { MemoryRunStore } from 'pulse-rx';
 * const store = new MemoryRunStore();
 * client.analyzeSentiment({ inputs }, { run: { store, id: 'survey-2026' } });
 * ```
 */
export class MemoryRunStore implements RunStore {
  private readonly records = new Map<string, string>();

  /** {@inheritDoc RunStore.get} */
  get(key: string): Promise<RunRecord | undefined> {
    const json = this.records.get(key);
    return Promise.resolve(json === undefined ? undefined : (JSON.parse(json) as RunRecord));
  }

  /** {@inheritDoc RunStore.put} */
  put(key: string, record: RunRecord): Promise<void> {
    this.records.set(key, JSON.stringify(record));
    return Promise.resolve();
  }

  /** {@inheritDoc RunStore.delete} */
  delete(key: string): Promise<void> {
    this.records.delete(key);
    return Promise.resolve();
  }

  /** Keys of the records held (for tests and tools). */
  keys(): string[] {
    return [...this.records.keys()];
  }
}
