import { PulseValidationError } from '../errors';
import type { RunRecord, RunStore } from './RunStore';

/** The part of the Web Storage API (`localStorage`, `sessionStorage`) the store uses. */
export interface StorageLike {
  /** The item under `key`, or `null`. */
  getItem(key: string): string | null;
  /** Replaces the item under `key` (may throw when the storage is full). */
  setItem(key: string, value: string): void;
  /** Removes the item under `key`. */
  removeItem(key: string): void;
}

/**
 * A {@link RunStore} over a browser's `localStorage` (or any `Storage`-like object): a run
 * survives a reload or a closed tab. Each record is one item under `prefix + key`; a
 * `setItem` replaces the whole item, so a reader never sees half a record.
 *
 * @example
 * ```ts
 * import { LocalStorageRunStore } from 'pulse-rx';
 * const store = new LocalStorageRunStore(localStorage);
 * client.analyzeSentiment({ inputs }, { run: { store, id: 'survey-2026' } });
 * ```
 */
export class LocalStorageRunStore implements RunStore {
  constructor(
    private readonly storage: StorageLike,
    /** Prefix of the items' keys. @default 'pulse-rx.run.' */
    private readonly prefix = 'pulse-rx.run.',
  ) {
    for (const method of ['getItem', 'setItem', 'removeItem'] as const) {
      if (typeof (storage as unknown as Record<string, unknown> | undefined)?.[method] !== 'function') {
        throw new PulseValidationError('storage', `must be a Storage-like object (missing ${method})`);
      }
    }
    if (typeof prefix !== 'string') throw new PulseValidationError('prefix', 'must be a string');
  }

  /** {@inheritDoc RunStore.get} */
  get(key: string): Promise<RunRecord | undefined> {
    return Promise.resolve().then(() => {
      const json = this.storage.getItem(this.prefix + key);
      return json === null ? undefined : (JSON.parse(json) as RunRecord);
    });
  }

  /** {@inheritDoc RunStore.put} */
  put(key: string, record: RunRecord): Promise<void> {
    return Promise.resolve().then(() => this.storage.setItem(this.prefix + key, JSON.stringify(record)));
  }

  /** {@inheritDoc RunStore.delete} */
  delete(key: string): Promise<void> {
    return Promise.resolve().then(() => this.storage.removeItem(this.prefix + key));
  }
}
