import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileRevision } from './file-revision.js';
import { GroupCommit } from './group-commit.js';
import { lockForWrite } from './write-lock.js';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import type { StateStore } from './state-store.js';

const EXTERNAL_CHECK_MS = 1000;

/** Thrown when the state file exists but cannot be read. */
export class UnreadableStateError extends Error {}

/**
 * A state document in one JSON file of the data folder (lowdb, written by steno: temporary file and
 * rename, so a crash mid-write leaves the previous state whole). Writes from several processes are
 * serialized by a lock file (proper-lockfile); inside the lock the file is re-read if another
 * process changed it, so every change applies to the newest state. Changes that arrive while a
 * write is under way are applied in order and written together (GroupCommit).
 */
export class LowdbStateStore<S extends { version: number }> implements StateStore<S> {
  private readonly changes = new GroupCommit<(draft: S) => unknown>((batch) => this.write(batch));
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
    return this.changes.submit(change);
  }

  private async reloadIfChanged(): Promise<void> {
    const current = await fileRevision(this.path);
    if (current === this.loaded) return;
    await readInto(this.db, this.path, this.empty);
    this.loaded = current;
  }

  private async write(batch: readonly ((draft: S) => unknown)[]): Promise<unknown[]> {
    const release = await lockForWrite(this.path);
    try {
      await this.reloadIfChanged();
      // Changes apply in place (no copy of a state that holds thousands of outbox entries); if one
      // throws or the write fails, the file on disk, untouched, is read back.
      try {
        const results = batch.map((change) => change(this.db.data));
        await this.db.write();
        this.loaded = await fileRevision(this.path);
        return results;
      } catch (error) {
        this.loaded = 'unknown';
        await this.reloadIfChanged().catch(() => undefined);
        throw error;
      }
    } finally {
      await release().catch(() => undefined);
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
