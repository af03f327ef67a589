import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BlobServiceClient } from '@azure/storage-blob';
import type { StorageConfig } from '../src/data/store/storage.js';
import { startAzurite, type RunningAzurite } from '../src/tools/azurite.js';

/** Every storage-touching test runs on both backends. */
export const BACKENDS = ['lowdb', 'blob'] as const;
export type Backend = (typeof BACKENDS)[number];

let running: Promise<RunningAzurite> | null = null;
let containers = 0;

/** One Azurite for the whole test run, started on first use; a fresh container name per caller. */
export async function azuriteContainer(): Promise<{ connectionString: string; container: string }> {
  running ??= startAzurite();
  return { connectionString: (await running).connectionString, container: `test-${process.pid}-${++containers}` };
}

/**
 * A fresh place to store on one backend: lowdb files in `dataDir`, or a new Azurite container; with
 * the environment a CLI or bot process needs to use it (ADOPTION_DATA_DIR stays for the sync's tokens).
 */
export async function storageFor(backend: Backend, dataDir: string): Promise<{ config: StorageConfig; env: Record<string, string> }> {
  if (backend === 'lowdb') return { config: { kind: 'lowdb', dataDir }, env: { ADOPTION_DATA_DIR: dataDir } };
  const blob = await azuriteContainer();
  return {
    config: { kind: 'blob', ...blob },
    env: {
      ADOPTION_DATA_DIR: dataDir,
      ADOPTION_STORAGE: 'blob',
      AZURE_STORAGE_CONNECTION_STRING: blob.connectionString,
      ADOPTION_BLOB_CONTAINER: blob.container,
    },
  };
}

/** Puts `text` where the backend keeps the document `name` (a file of the data folder, or a blob), as a damaged or foreign writer would. */
export async function writeStored(config: StorageConfig, name: string, text: string): Promise<void> {
  if (config.kind === 'lowdb') {
    await mkdir(config.dataDir, { recursive: true });
    await writeFile(join(config.dataDir, name), text);
    return;
  }
  const container = BlobServiceClient.fromConnectionString(config.connectionString).getContainerClient(config.container);
  await container.createIfNotExists();
  await container.getBlockBlobClient(name).upload(text, Buffer.byteLength(text));
}

/** The document `name` as the backend keeps it, byte for byte. */
export async function readStored(config: StorageConfig, name: string): Promise<string> {
  if (config.kind === 'lowdb') return readFile(join(config.dataDir, name), 'utf8');
  const container = BlobServiceClient.fromConnectionString(config.connectionString).getContainerClient(config.container);
  return (await container.getBlockBlobClient(name).downloadToBuffer()).toString('utf8');
}

/** Mocha root hook (see .mocharc.json): stops Azurite after the last test. */
export const mochaHooks = {
  async afterAll(): Promise<void> {
    if (running) await (await running).close();
    running = null;
  },
};
