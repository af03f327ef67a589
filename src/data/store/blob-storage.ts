import { BlobServiceClient } from '@azure/storage-blob';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { BlobAppendLog } from './blob-append-log.js';
import { BlobDocument, blockBlob } from './blob-document.js';
import { blobLease } from './blob-lease.js';
import { botFrameworkBlob } from './bot-framework-blob.js';
import { CACHE_FILE, CACHE_RULES, CacheStore } from './cache-store.js';
import { stateRules } from './state-store.js';
import type { Storage, StorageConfig } from './storage.js';

/** The storage on Azure Blob Storage, shared by several bot instances and the CLI. */
export async function openBlobStorage(config: Extract<StorageConfig, { kind: 'blob' }>): Promise<Storage> {
  const container = BlobServiceClient.fromConnectionString(config.connectionString).getContainerClient(config.container);
  await container.createIfNotExists();
  const botFramework = new BlobsStorage(config.connectionString, config.container);
  // Read at open, as the lowdb files are: a damaged blob is reported now, and "changed since" counts from here.
  const cacheDocument = new BlobDocument(blockBlob(container.getBlockBlobClient(CACHE_FILE)), CACHE_RULES);
  await cacheDocument.read();
  return {
    cache: new CacheStore(cacheDocument),
    // The bot's state goes through the Bot Framework's BlobsStorage (see bot-framework-blob.ts).
    document: async (name, empty) => {
      const document = new BlobDocument(botFrameworkBlob(botFramework, container, `${name}.json`), stateRules(empty, 'blob'));
      await document.read();
      return document;
    },
    lease: blobLease(container),
    log: <T>(name: string) => new BlobAppendLog<T>(container.getAppendBlobClient(`${name}.jsonl`)),
    where: `Azure Blob Storage container ${config.container}`,
  };
}
