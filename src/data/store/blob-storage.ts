import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import { ConfigError } from '../../config.js';
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
  const container = await openContainer(config);
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

/** The container, created when missing; a connection string that is not one, or an account that cannot be used, is refused with what to check. */
async function openContainer(config: Extract<StorageConfig, { kind: 'blob' }>): Promise<ContainerClient> {
  let container: ContainerClient;
  try {
    container = BlobServiceClient.fromConnectionString(config.connectionString).getContainerClient(config.container);
  } catch (error) {
    throw new ConfigError(
      `AZURE_STORAGE_CONNECTION_STRING is not a storage account connection string (${(error as Error).message}). Copy it from the storage account's Access keys in the Azure portal.`,
    );
  }
  try {
    await container.createIfNotExists();
  } catch (error) {
    const e = error as { code?: unknown; statusCode?: unknown; message?: unknown };
    const why = [e.statusCode, e.code].filter((part) => part !== undefined).join(' ') || String(e.message);
    throw new ConfigError(
      `Azure Blob Storage at ${container.url} cannot be used (${why}). Check AZURE_STORAGE_CONNECTION_STRING (account name, key, endpoint) and that this machine can reach the account.`,
    );
  }
  return container;
}
