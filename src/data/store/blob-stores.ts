import type { ContainerClient } from '@azure/storage-blob';
import type { AdoptionRecord, HistoryPoint } from '../records.js';
import { addPoint, dropSnapshot, mergeInto, type AdoptionStore, type SnapshotScope, type UpsertOutcome } from './adoption-store.js';
import { BlobDocument, blockBlob, type DocumentBlob } from './blob-document.js';
import { UnreadableCacheError, type CacheFile } from './lowdb-store.js';
import { UnreadableStateError } from './lowdb-state-store.js';
import type { StateStore } from './state-store.js';

/** A state document (the bot's conversations, subscriptions, links, outbox) as one blob: see bot-framework-blob.ts. */
export class BlobStateStore<S extends { version: number }> implements StateStore<S> {
  private readonly document: BlobDocument<S>;

  constructor(blob: DocumentBlob, empty: () => S) {
    this.document = new BlobDocument(
      blob,
      empty,
      (parsed, where) => {
        if ((parsed as { version?: unknown } | null)?.version !== empty().version) {
          throw new UnreadableStateError(`The bot's state blob ${where} was written by another version of this tool. Move it aside.`);
        }
        return parsed as S;
      },
      (where, reason) =>
        new UnreadableStateError(
          `The bot's state blob ${where} cannot be read (${reason}). Move it aside; the bot then starts with no subscriptions, links or pending alerts.`,
        ),
    );
  }

  read(): Promise<S> {
    return this.document.read();
  }

  update<T>(change: (draft: S) => T): Promise<T> {
    return this.document.update(change);
  }
}

function checkCache(parsed: unknown, where: string): CacheFile {
  const cache = parsed as Partial<CacheFile> | null;
  if (cache?.version !== 1 || !Array.isArray(cache.records)) {
    throw new UnreadableCacheError(
      `The cache ${where} was written by another version of this tool. Move it aside and import your files again.`,
    );
  }
  return cache as CacheFile;
}

/** The cache of records and history as one blob, with the same merge rules as the lowdb file. */
export class BlobAdoptionStore implements AdoptionStore {
  private readonly document: BlobDocument<CacheFile>;

  constructor(container: ContainerClient, name: string) {
    this.document = new BlobDocument<CacheFile>(
      blockBlob(container.getBlockBlobClient(name)),
      () => ({ version: 1, records: [] }),
      checkCache,
      (where, reason) =>
        new UnreadableCacheError(
          `The cache ${where} cannot be read (${reason}). Move it aside and import your files again; nothing was changed.`,
        ),
    );
  }

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
    return this.changeRecords((byKey) => mergeInto(byKey, incoming));
  }

  replaceSnapshot(scope: SnapshotScope, incoming: readonly AdoptionRecord[]): Promise<UpsertOutcome> {
    return this.changeRecords((byKey) => {
      dropSnapshot(byKey, scope);
      return mergeInto(byKey, incoming);
    });
  }

  async recordHistory(points: readonly { readonly customerKey: string; readonly point: HistoryPoint }[]): Promise<void> {
    await this.document.update((draft) => {
      const history = (draft.history ??= {});
      for (const { customerKey, point } of points) history[customerKey] = addPoint(history[customerKey] ?? [], point);
    });
  }

  private changeRecords(change: (byKey: Map<string, AdoptionRecord>) => UpsertOutcome): Promise<UpsertOutcome> {
    return this.document.update((draft) => {
      const byKey = new Map(draft.records.map((r) => [r.key, r]));
      const outcome = change(byKey);
      draft.records = [...byKey.values()];
      return outcome;
    });
  }
}
