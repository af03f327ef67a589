import type { AdoptionRecord, HistoryPoint } from '../records.js';
import { addPoint, dropSnapshot, mergeInto, type AdoptionStore, type SnapshotScope, type UpsertOutcome } from './adoption-store.js';
import { GroupCommit } from './group-commit.js';
import type { DocumentRules, StateStore } from './state-store.js';

/** The cache as one JSON document: cache.json in the data folder, or the blob of that name. */
export interface CacheFile {
  version: 1;
  records: AdoptionRecord[];
  /** Added after version 1 shipped; absent in older files. */
  history?: Record<string, HistoryPoint[]>;
}

export const CACHE_FILE = 'cache.json';

/** Thrown when the cache exists but cannot be read; the user must decide what to do with it. */
export class UnreadableCacheError extends Error {}

export const CACHE_RULES: DocumentRules<CacheFile> = {
  empty: () => ({ version: 1, records: [] }),
  check(parsed, where) {
    const cache = parsed as Partial<CacheFile> | null;
    if (cache?.version !== 1 || !Array.isArray(cache.records)) {
      throw new UnreadableCacheError(
        `The cache ${where} was written by another version of this tool. Move it aside and import your files again.`,
      );
    }
    return cache as CacheFile;
  },
  unreadable: (where, reason) =>
    new UnreadableCacheError(
      `The cache ${where} cannot be read (${reason}). Move it aside and import your files again; nothing was changed.`,
    ),
};

/** What a change to the cache works on: the records by key and the history by customer. */
interface CacheDraft {
  readonly byKey: Map<string, AdoptionRecord>;
  readonly history: Record<string, HistoryPoint[]>;
}

type CacheChange = (draft: CacheDraft) => unknown;

/**
 * The cache of records and history on a shared document (a lowdb file or a blob), with the merge
 * rules of adoption-store.ts. Changes that arrive while a write is under way go together (a sync
 * finishing customers four at a time would otherwise rewrite the whole document once per
 * customer): the records are indexed once per batch, and the batch is all-or-nothing.
 */
export class CacheStore implements AdoptionStore {
  private readonly changes = new GroupCommit<CacheChange>((batch) =>
    this.document.update((draft) => {
      const state = { byKey: new Map(draft.records.map((r) => [r.key, r])), history: (draft.history ??= {}) };
      const results = batch.map((change) => change(state));
      draft.records = [...state.byKey.values()];
      return results;
    }),
  );

  constructor(private readonly document: StateStore<CacheFile>) {}

  async records(): Promise<readonly AdoptionRecord[]> {
    return (await this.document.read()).records;
  }

  async isEmpty(): Promise<boolean> {
    return (await this.document.read()).records.length === 0;
  }

  revision(): Promise<string> {
    return this.document.revision();
  }

  async history(): Promise<ReadonlyMap<string, readonly HistoryPoint[]>> {
    return new Map(Object.entries((await this.document.read()).history ?? {}));
  }

  upsert(incoming: readonly AdoptionRecord[]): Promise<UpsertOutcome> {
    return this.changes.submit(({ byKey }) => mergeInto(byKey, incoming));
  }

  replaceSnapshot(scope: SnapshotScope, incoming: readonly AdoptionRecord[]): Promise<UpsertOutcome> {
    return this.changes.submit(({ byKey }) => {
      dropSnapshot(byKey, scope);
      return mergeInto(byKey, incoming);
    });
  }

  async recordHistory(points: readonly { readonly customerKey: string; readonly point: HistoryPoint }[]): Promise<void> {
    await this.changes.submit(({ history }) => {
      for (const { customerKey, point } of points) history[customerKey] = addPoint(history[customerKey] ?? [], point);
    });
  }
}
