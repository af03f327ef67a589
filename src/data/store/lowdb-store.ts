import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { AdoptionRecord } from '../records.js';
import { mergeInto, type AdoptionStore, type UpsertOutcome } from './adoption-store.js';

interface CacheFile {
  version: 1;
  records: AdoptionRecord[];
}

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
  private readonly pending: { incoming: readonly AdoptionRecord[]; resolve(outcome: UpsertOutcome): void; reject(error: unknown): void }[] =
    [];
  private flushing: Promise<void> | null = null;
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

  /**
   * Group commit: upserts that arrive while a write is under way are merged, in order, and written
   * together in the next write (a sync finishing customers four at a time would otherwise rewrite
   * the whole file once per customer). Each upsert resolves when its records are on disk; a failed
   * write rolls back and rejects exactly the upserts it carried.
   */
  upsert(incoming: readonly AdoptionRecord[]): Promise<UpsertOutcome> {
    return new Promise((resolve, reject) => {
      this.pending.push({ incoming, resolve, reject });
      this.flushing ??= this.flush().finally(() => (this.flushing = null));
    });
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0);
      const previous = this.db.data;
      const byKey = new Map(previous.records.map((r) => [r.key, r]));
      const outcomes = batch.map(({ incoming }) => mergeInto(byKey, incoming));
      this.db.data = { version: 1, records: [...byKey.values()] };
      try {
        await this.db.write();
        this.loaded = await fileRevision(this.path);
      } catch (error) {
        this.db.data = previous;
        batch.forEach((b) => b.reject(error));
        continue;
      }
      batch.forEach((b, i) => b.resolve(outcomes[i]!));
    }
  }
}

/** Modification time and size: steno replaces the file by renaming, so either changes on every write. */
async function fileRevision(path: string): Promise<string> {
  try {
    const s = await stat(path);
    return `${s.mtimeMs}:${s.size}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'none';
    throw error;
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
