import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../../config.js';
import type { AdoptionStore } from './adoption-store.js';
import { CACHE_FILE, CACHE_RULES, CacheStore } from './cache-store.js';
import { fileLease } from './file-lease.js';
import { JsonlLog } from './jsonl-log.js';
import { LowdbDocument } from './lowdb-document.js';
import { stateRules, type AppendLog, type Lease, type StateStore } from './state-store.js';

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

/** The lowdb folder, created when missing; a path that cannot be one is refused with what to do. */
async function dataFolder(dataDir: string): Promise<void> {
  try {
    await mkdir(dataDir, { recursive: true });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const why = code === 'EEXIST' || code === 'ENOTDIR' ? 'is a file, or lies inside one' : `cannot be created (${String(code)})`;
    throw new ConfigError(`ADOPTION_DATA_DIR ${dataDir} ${why}: point it at a folder the bot may write to (it is created when missing).`);
  }
}

export async function openStorage(config: StorageConfig): Promise<Storage> {
  if (config.kind === 'lowdb') {
    const { dataDir } = config;
    await dataFolder(dataDir);
    return {
      cache: new CacheStore(await LowdbDocument.open(dataDir, CACHE_FILE, CACHE_RULES)),
      document: (name, empty) => LowdbDocument.open(dataDir, `${name}.json`, stateRules(empty, 'file')),
      lease: fileLease(dataDir),
      log: <T>(name: string) => new JsonlLog<T>(join(dataDir, `${name}.jsonl`)),
      where: dataDir,
    };
  }
  // Loaded only when configured: the Azure SDK and BlobsStorage take a second to load, which the lowdb default and
  // every CLI command on it need not pay.
  const { openBlobStorage } = await import('./blob-storage.js');
  return openBlobStorage(config);
}
