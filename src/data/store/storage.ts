import { join } from 'node:path';
import { BlobServiceClient } from '@azure/storage-blob';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import type { AdoptionStore } from './adoption-store.js';
import { BlobAppendLog } from './blob-append-log.js';
import { blobLease } from './blob-lease.js';
import { BlobAdoptionStore, BlobStateStore } from './blob-stores.js';
import { botFrameworkBlob } from './bot-framework-blob.js';
import { fileLease } from './file-lease.js';
import { JsonlLog } from './jsonl-log.js';
import { LowdbStateStore } from './lowdb-state-store.js';
import { CACHE_FILE, LowdbStore } from './lowdb-store.js';
import type { AppendLog, Lease, StateStore } from './state-store.js';

/** Where the bot keeps what it knows: the embedded lowdb files, or Azure Blob Storage shared by several instances. */
export type StorageConfig =
  | { readonly kind: 'lowdb'; readonly dataDir: string }
  | { readonly kind: 'blob'; readonly connectionString: string; readonly container: string };

/**
 * Everything the bot and the CLI store, behind one face with two backends: the cache of records and
 * history, named state documents (the bot's conversations, subscriptions, links and outbox), leases
 * (one sync, one alert sender at a time) and append logs (delivery receipts).
 */
export interface Storage {
  readonly cache: AdoptionStore;
  document<S extends { version: number }>(name: string, empty: () => S): Promise<StateStore<S>>;
  readonly lease: Lease;
  log<T>(name: string): AppendLog<T>;
  /** For messages: "./data" or "Azure Blob Storage container adoption". */
  readonly where: string;
}

export async function openStorage(config: StorageConfig): Promise<Storage> {
  if (config.kind === 'lowdb') {
    const { dataDir } = config;
    return {
      cache: await LowdbStore.open(dataDir),
      document: (name, empty) => LowdbStateStore.open(dataDir, `${name}.json`, empty),
      lease: fileLease(dataDir),
      log: <T>(name: string) => new JsonlLog<T>(join(dataDir, `${name}.jsonl`)),
      where: dataDir,
    };
  }
  const container = BlobServiceClient.fromConnectionString(config.connectionString).getContainerClient(config.container);
  await container.createIfNotExists();
  const botFramework = new BlobsStorage(config.connectionString, config.container);
  // Read at open, as the lowdb files are: a damaged blob is reported now, and "changed since" counts from here.
  const cache = new BlobAdoptionStore(container, CACHE_FILE);
  await cache.revision();
  return {
    cache,
    document: async (name, empty) => {
      const document = new BlobStateStore(botFrameworkBlob(botFramework, container, `${name}.json`), empty);
      await document.read();
      return document;
    },
    lease: blobLease(container),
    log: <T>(name: string) => new BlobAppendLog<T>(container.getAppendBlobClient(`${name}.jsonl`)),
    where: `Azure Blob Storage container ${config.container}`,
  };
}
