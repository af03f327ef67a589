import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileRevision } from './file-revision.js';
import { GroupCommit } from './group-commit.js';
import { lockForWrite } from './write-lock.js';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { AdoptionRecord, HistoryPoint } from '../records.js';
import { addPoint, dropSnapshot, mergeInto, type AdoptionStore, type SnapshotScope, type UpsertOutcome } from './adoption-store.js';

/** The cache as one JSON document (the lowdb file; the Blob backend's cache blob). */
export interface CacheFile {
  version: 1;
  records: AdoptionRecord[];
  /** Added after version 1 shipped; absent in older files. */
  history?: Record<string, HistoryPoint[]>;
}

/** One change to the cache, applied in memory and then written with the others of its batch. */
/** What a change to the cache works on: the records by key and the history by customer. */
interface ChangeState {
  readonly byKey: Map<string, AdoptionRecord>;
  readonly history: Record<string, HistoryPoint[]>;
}

type Change = (state: ChangeState) => unknown;

export const CACHE_FILE = 'cache.json';

const EXTERNAL_CHECK_MS = 1000;

/** Thrown when the cache file exists but cannot be read; the user must decide what to do with it. */
export class UnreadableCacheError extends Error {}

/**
 * The embedded default: one JSON file in the data folder, written by lowdb through steno, which
 * writes a temporary file and renames it over the old one, so a crash mid-write leaves the
 * previous cache whole.
 */
export class LowdbStore implements AdoptionStore {
  private readonly changes = new GroupCommit<Change>((batch) => this.write(batch));
  /** When the file was last looked at for writes by other processes (performance.now()). */
  private checkedAt = performance.now();

  private constructor(
    private readonly db: Low<CacheFile>,
    readonly path: string,
    private loaded: string,
  ) {}

  static async open(dataDir: string): Promise<LowdbStore> {
    await mkdir(dataDir, { recursive: true });
    const path = join(dataDir, CACHE_FILE);
    const db = new Low<CacheFile>(new JSONFile(path), { version: 1, records: [] });
    const loaded = await fileRevision(path);
    await read(db, path);
    return new LowdbStore(db, path, loaded);
  }

  /**
   * Writes through this store show at once; writes by another process (an import from the command
   * line) within a second: the file is looked at no more than once a second, so a chat turn
   * rarely waits for the disk.
   */
  async revision(): Promise<string> {
    if (performance.now() - this.checkedAt < EXTERNAL_CHECK_MS) return this.loaded;
    this.checkedAt = performance.now();
    const current = await fileRevision(this.path);
    if (current !== this.loaded) {
      await read(this.db, this.path);
      this.loaded = current;
    }
    return current;
  }

  async records(): Promise<readonly AdoptionRecord[]> {
    return this.db.data.records;
  }

  async isEmpty(): Promise<boolean> {
    return this.db.data.records.length === 0;
  }

  async history(): Promise<ReadonlyMap<string, readonly HistoryPoint[]>> {
    return new Map(Object.entries(this.db.data.history ?? {}));
  }

  /**
   * Group commit: changes that arrive while a write is under way are applied, in order, and written
   * together in the next write (a sync finishing customers four at a time would otherwise rewrite
   * the whole file once per customer). Each change resolves when it is on disk; a failed write
   * rolls back and rejects exactly the changes it carried.
   */
  upsert(incoming: readonly AdoptionRecord[]): Promise<UpsertOutcome> {
    return this.change(({ byKey }) => mergeInto(byKey, incoming));
  }

  replaceSnapshot(scope: SnapshotScope, incoming: readonly AdoptionRecord[]): Promise<UpsertOutcome> {
    return this.change(({ byKey }) => {
      dropSnapshot(byKey, scope);
      return mergeInto(byKey, incoming);
    });
  }

  recordHistory(points: readonly { readonly customerKey: string; readonly point: HistoryPoint }[]): Promise<void> {
    return this.change(({ history }) => {
      for (const { customerKey, point } of points) history[customerKey] = addPoint(history[customerKey] ?? [], point);
    });
  }

  private change<T>(apply: (state: ChangeState) => T): Promise<T> {
    return this.changes.submit(apply);
  }

  private async write(batch: readonly Change[]): Promise<unknown[]> {
    // Another process (an import, a sync, a second bot) may write too: its changes are read in
    // under the lock first, so neither loses the other's.
    const release = await lockForWrite(this.path);
    try {
      const current = await fileRevision(this.path);
      if (current !== this.loaded) {
        await read(this.db, this.path);
        this.loaded = current;
      }
      const previous = this.db.data;
      const state = { byKey: new Map(previous.records.map((r) => [r.key, r])), history: { ...previous.history } };
      const results = batch.map((change) => change(state));
      this.db.data = { version: 1, records: [...state.byKey.values()], history: state.history };
      try {
        await this.db.write();
        this.loaded = await fileRevision(this.path);
      } catch (error) {
        this.db.data = previous;
        throw error;
      }
      return results;
    } finally {
      await release().catch(() => undefined);
    }
  }
}

/** Reads the file into db.data; on any failure db.data is left as it was. */
async function read(db: Low<CacheFile>, path: string): Promise<void> {
  const previous = db.data;
  try {
    await db.read();
  } catch (error) {
    db.data = previous;
    throw new UnreadableCacheError(
      `The cache ${path} cannot be read (${(error as Error).message}). Move it aside and import your files again; nothing was changed.`,
    );
  }
  if (db.data.version !== 1 || !Array.isArray(db.data.records)) {
    db.data = previous;
    throw new UnreadableCacheError(
      `The cache ${path} was written by another version of this tool. Move it aside and import your files again.`,
    );
  }
}
