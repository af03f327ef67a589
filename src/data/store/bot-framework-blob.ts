import type { ContainerClient } from '@azure/storage-blob';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { blockBlob, BlobNotJson, LostRace, statusOf, type DocumentBlob } from './blob-document.js';

/**
 * A state document kept through the Bot Framework's `BlobsStorage` (botbuilder-azure-blobs), the
 * store Bot Framework documents for bot state in production. It reads and writes the item whole
 * and, given the item's `eTag`, writes with If-Match. Three things it does not do are done beside
 * it with `@azure/storage-blob` on the same blob:
 * - create the item only if absent (BlobsStorage writes an item without an ETag unconditionally:
 *   two instances creating it at once would keep only the last);
 * - ask whether the item changed before downloading it (a HEAD, as BlobsStorage has no
 *   If-None-Match read): the once-a-second revalidation then costs no download;
 * - tell a lost race from other failures (BlobsStorage turns a 412 into a plain Error): after a
 *   failed write, an ETag other than the one written against means another instance wrote first.
 * BlobsStorage does not return the new ETag, so the next read fetches the item whole.
 */
export function botFrameworkBlob(storage: BlobsStorage, container: ContainerClient, key: string): DocumentBlob {
  const blob = container.getBlockBlobClient(key);
  const create = blockBlob(blob);

  async function currentEtag(): Promise<string | null> {
    try {
      return (await blob.getProperties()).etag ?? null;
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  }

  return {
    url: blob.url,
    async fetch(etag) {
      if (etag !== null && (await currentEtag()) === etag) return { kind: 'unchanged' };
      let items;
      try {
        items = await storage.read([key]);
      } catch (error) {
        if (error instanceof SyntaxError) throw new BlobNotJson(error.message);
        throw error;
      }
      const item = items[key] as { eTag?: string } | undefined;
      if (item === undefined) return { kind: 'absent' };
      const { eTag, ...parsed } = item;
      return { kind: 'read', parsed, etag: eTag ?? '' };
    },
    async store(value, etag) {
      if (etag === null) return create.store(value, null);
      try {
        await storage.write({ [key]: { ...(value as object), eTag: etag } });
        return null;
      } catch (error) {
        if ((await currentEtag()) !== etag) throw new LostRace(blob.url);
        throw error;
      }
    },
  };
}
