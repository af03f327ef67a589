import { mkdir } from 'node:fs/promises';
import { Mutex } from 'async-mutex';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { fileRevision } from './file-revision.js';
import { GroupCommit } from './group-commit.js';
import { REVALIDATE_MS, type DocumentRules, type StateStore } from './state-store.js';
import { lockForWrite } from './write-lock.js';

/**
 * One JSON document in a file of the data folder (lowdb, written by steno: temporary file and
 * rename, so a crash mid-write leaves the previous document whole). Writes from several processes
 * are serialized by a lock file (proper-lockfile); inside the lock the file is re-read if another
 * process changed it, so every change applies to the newest document. Changes that arrive while a
 * write is under way are applied in order and written together (GroupCommit). Reads see this
 * process's writes at once and another's within a second. Reading the file back and changing the
 * document take turns: a read that finished after a change would put back the document without it.
 */
export class LowdbDocument<S> implements StateStore<S> {
  private readonly changes = new GroupCommit<(draft: S) => unknown>((batch) => this.write(batch));
  private readonly inMemory = new Mutex();
  private checkedAt = performance.now();

  private constructor(
    private readonly db: Low<S>,
    readonly path: string,
    private loaded: string,
    private readonly rules: DocumentRules<S>,
  ) {}

  static async open<S>(dataDir: string, file: string, rules: DocumentRules<S>): Promise<LowdbDocument<S>> {
    await mkdir(dataDir, { recursive: true });
    const path = join(dataDir, file);
    // Compact JSON: the file is rewritten whole on every grouped change.
    const db = new Low<S>(new DataFile<S>(path, { parse: JSON.parse, stringify: (data) => JSON.stringify(data) }), rules.empty());
    const document = new LowdbDocument(db, path, await fileRevision(path), rules);
    await document.load();
    return document;
  }

  async read(): Promise<S> {
    return performance.now() - this.checkedAt >= REVALIDATE_MS ? this.latest() : this.db.data;
  }

  async latest(): Promise<S> {
    this.checkedAt = performance.now();
    await this.inMemory.runExclusive(() => this.reloadIfChanged());
    return this.db.data;
  }

  /** The file's revision as last read (inode, size, modification time): changes with every write. */
  async revision(): Promise<string> {
    await this.read();
    return this.loaded;
  }

  update<T>(change: (draft: S) => T): Promise<T> {
    return this.changes.submit(change);
  }

  private async reloadIfChanged(): Promise<void> {
    const current = await fileRevision(this.path);
    if (current === this.loaded) return;
    await this.load();
    this.loaded = current;
  }

  /** Reads the file into the document; on any failure the document stays as it was. */
  private async load(): Promise<void> {
    const previous = this.db.data;
    try {
      await this.db.read();
    } catch (error) {
      this.db.data = previous;
      throw this.rules.unreadable(this.path, (error as Error).message);
    }
    try {
      this.db.data = this.rules.check(this.db.data, this.path);
    } catch (error) {
      this.db.data = previous;
      throw error;
    }
  }

  private async write(batch: readonly ((draft: S) => unknown)[]): Promise<unknown[]> {
    const release = await lockForWrite(this.path);
    try {
      return await this.inMemory.runExclusive(() => this.writeLocked(batch));
    } finally {
      await release().catch(() => undefined);
    }
  }

  /** Under the file lock and the in-memory turn: the newest document, the batch applied, written. */
  private async writeLocked(batch: readonly ((draft: S) => unknown)[]): Promise<unknown[]> {
    await this.reloadIfChanged();
    // Changes apply in place (no copy of a document that may hold thousands of records or outbox
    // entries); if one throws or the write fails, the file on disk, untouched, is read back.
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
  }
}
