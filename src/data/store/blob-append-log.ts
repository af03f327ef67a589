import type { AppendBlobClient } from '@azure/storage-blob';
import { statusOf } from './blob-document.js';
import { parseJsonLines } from './jsonl-log.js';
import type { AppendLog } from './state-store.js';

interface Waiting {
  readonly text: string;
  resolve(): void;
  reject(error: unknown): void;
}

/** Blob Storage takes at most 4 MiB in one appended block. */
const MAX_BLOCK_BYTES = 4 * 1024 * 1024;

/**
 * An append log as JSON Lines in an append blob (one holder of the lease appends at a time).
 * Appends that arrive while a block is being written go together in the next block (group
 * commit): one request per round trip, not one per record.
 */
export class BlobAppendLog<T> implements AppendLog<T> {
  private readonly waiting: Waiting[] = [];
  private writing: Promise<void> | null = null;
  private created = false;

  constructor(private readonly blob: AppendBlobClient) {}

  append(records: readonly T[]): Promise<void> {
    if (records.length === 0) return this.writing ?? Promise.resolve();
    const text = records.map((r) => `${JSON.stringify(r)}\n`).join('');
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ text, resolve, reject });
      this.writing ??= this.write().finally(() => (this.writing = null));
    });
  }

  private async write(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch: Waiting[] = [];
      let bytes = 0;
      while (this.waiting.length > 0 && (batch.length === 0 || bytes + Buffer.byteLength(this.waiting[0]!.text) <= MAX_BLOCK_BYTES)) {
        const next = this.waiting.shift()!;
        bytes += Buffer.byteLength(next.text);
        batch.push(next);
      }
      const text = batch.map((w) => w.text).join('');
      try {
        await this.appendBlock(text);
        batch.forEach((w) => w.resolve());
      } catch (error) {
        batch.forEach((w) => w.reject(error));
      }
    }
  }

  /** Appends one block, creating the blob first when it is not there (new, or cleared by another instance). */
  private async appendBlock(text: string): Promise<void> {
    if (!this.created) {
      await this.blob.createIfNotExists();
      this.created = true;
    }
    try {
      await this.blob.appendBlock(text, Buffer.byteLength(text));
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
      await this.blob.createIfNotExists();
      await this.blob.appendBlock(text, Buffer.byteLength(text));
    }
  }

  async readAll(): Promise<T[]> {
    await this.writing;
    try {
      return parseJsonLines<T>((await this.blob.downloadToBuffer()).toString('utf8'), this.blob.url);
    } catch (error) {
      if (statusOf(error) === 404) return [];
      throw error;
    }
  }

  async clear(): Promise<void> {
    await this.writing;
    await this.blob.deleteIfExists();
    this.created = false;
  }
}
