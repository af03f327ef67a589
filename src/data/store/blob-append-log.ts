import type { AppendBlobClient } from '@azure/storage-blob';
import { statusOf } from './blob-document.js';
import { parseJsonLines } from './jsonl-log.js';
import type { AppendLog } from './state-store.js';

/** An append log as JSON Lines in an append blob (one holder of the lease appends at a time). */
export class BlobAppendLog<T> implements AppendLog<T> {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly blob: AppendBlobClient) {}

  append(records: readonly T[]): Promise<void> {
    if (records.length === 0) return this.tail;
    const text = records.map((r) => `${JSON.stringify(r)}\n`).join('');
    const written = this.tail.then(async () => {
      await this.blob.createIfNotExists();
      await this.blob.appendBlock(text, Buffer.byteLength(text));
    });
    this.tail = written.catch(() => undefined);
    return written;
  }

  async readAll(): Promise<T[]> {
    await this.tail;
    try {
      return parseJsonLines<T>((await this.blob.downloadToBuffer()).toString('utf8'), this.blob.url);
    } catch (error) {
      if (statusOf(error) === 404) return [];
      throw error;
    }
  }

  async clear(): Promise<void> {
    await this.tail;
    await this.blob.deleteIfExists();
  }
}
