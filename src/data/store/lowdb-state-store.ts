import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileRevision } from './file-revision.js';
import { lockForWrite } from './write-lock.js';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import type { StateStore } from './state-store.js';

const EXTERNAL_CHECK_MS = 1000;

/** Thrown when the state file exists but cannot be read. */
export class UnreadableStateError extends Error {}

interface Change<S> {
  apply(draft: S): unknown;
  resolve(result: unknown): void;
  reject(error: unknown): void;
}

/**
 * A state document in one JSON file of the data folder (lowdb, written by steno: temporary file and
 * rename, so a crash mid-write leaves the previous state whole). Writes from several processes are
 * serialized by a lock file (proper-lockfile); inside the lock the file is re-read if another
 * process changed it, so every change applies to the newest state. Changes that arrive while a
 * write is under way are applied in order and written together (group commit).
 */
export class LowdbStateStore<S extends { version: number }> implements StateStore<S> {
  private readonly pending: Change<S>[] = [];
  private flushing: Promise<void> | null = null;
  private checkedAt = performance.now();

  private constructor(
    private readonly db: Low<S>,
    readonly path: string,
    private loaded: string,
    private readonly empty: () => S,
  ) {}

  static async open<S extends { version: number }>(dataDir: string, file: string, empty: () => S): Promise<LowdbStateStore<S>> {
    await mkdir(dataDir, { recursive: true });
    const path = join(dataDir, file);
    // Compact JSON: the file is rewritten on every grouped change.
    const db = new Low<S>(new DataFile<S>(path, { parse: JSON.parse, stringify: (data) => JSON.stringify(data) }), empty());
    const loaded = await fileRevision(path);
    await readInto(db, path, empty);
    return new LowdbStateStore(db, path, loaded, empty);
  }

  async read(): Promise<S> {
    if (performance.now() - this.checkedAt >= EXTERNAL_CHECK_MS) {
      this.checkedAt = performance.now();
      await this.reloadIfChanged();
    }
    return this.db.data;
  }

  update<T>(change: (draft: S) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ apply: change, resolve: resolve as (r: unknown) => void, reject });
      this.flushing ??= this.flush().finally(() => (this.flushing = null));
    });
  }

  private async reloadIfChanged(): Promise<void> {
    const current = await fileRevision(this.path);
    if (current === this.loaded) return;
    await readInto(this.db, this.path, this.empty);
    this.loaded = current;
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0);
      let release: (() => Promise<void>) | null = null;
      try {
        release = await lockForWrite(this.path);
        await this.reloadIfChanged();
        // Changes apply in place (no copy of a state that holds thousands of outbox entries); if one
        // throws or the write fails, the file on disk, untouched, is read back.
        try {
          const results = batch.map((c) => c.apply(this.db.data));
          await this.db.write();
          this.loaded = await fileRevision(this.path);
          batch.forEach((c, i) => c.resolve(results[i]));
        } catch (error) {
          this.loaded = 'unknown';
          await this.reloadIfChanged().catch(() => undefined);
          throw error;
        }
      } catch (error) {
        batch.forEach((c) => c.reject(error));
      } finally {
        await release?.().catch(() => undefined);
      }
    }
  }
}

async function readInto<S extends { version: number }>(db: Low<S>, path: string, empty: () => S): Promise<void> {
  const previous = db.data;
  try {
    await db.read();
  } catch (error) {
    db.data = previous;
    throw new UnreadableStateError(
      `The bot's state file ${path} cannot be read (${(error as Error).message}). Move it aside; the bot then starts with no subscriptions, links or pending alerts.`,
    );
  }
  if (db.data.version !== empty().version) {
    db.data = previous;
    throw new UnreadableStateError(`The bot's state file ${path} was written by another version of this tool. Move it aside.`);
  }
}
