import type { AppendBlobClient } from '@azure/storage-blob';
import { statusOf } from './blob-document.js';
import { GroupCommit } from './group-commit.js';
import { parseJsonLines } from './jsonl-log.js';
import type { AppendLog } from './state-store.js';

/** Blob Storage takes at most 4 MiB in one appended block. */
const MAX_BLOCK_BYTES = 4 * 1024 * 1024;

/** How many of the texts waiting, from the front, fit in one block (at least one). */
function fitInBlock(texts: readonly string[]): number {
  let bytes = 0;
  let n = 0;
  while (n < texts.length && (n === 0 || bytes + Buffer.byteLength(texts[n]!) <= MAX_BLOCK_BYTES)) bytes += Buffer.byteLength(texts[n++]!);
  return n;
}

/**
 * An append log as JSON Lines in an append blob (one holder of the lease appends at a time).
 * Appends that arrive while a block is being written go together in the next block (GroupCommit):
 * one request per round trip, not one per record.
 */
export class BlobAppendLog<T> implements AppendLog<T> {
  private readonly blocks = new GroupCommit<string>(async (texts) => {
    await this.appendBlock(texts.join(''));
    return [];
  }, fitInBlock);
  private created = false;

  constructor(private readonly blob: AppendBlobClient) {}

  append(records: readonly T[]): Promise<void> {
    if (records.length === 0) return this.blocks.idle();
    return this.blocks.submit(records.map((r) => `${JSON.stringify(r)}\n`).join(''));
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
    await this.blocks.idle();
    try {
      return parseJsonLines<T>((await this.blob.downloadToBuffer()).toString('utf8'), this.blob.url);
    } catch (error) {
      if (statusOf(error) === 404) return [];
      throw error;
    }
  }

  async clear(): Promise<void> {
    await this.blocks.idle();
    await this.blob.deleteIfExists();
    this.created = false;
  }
}
