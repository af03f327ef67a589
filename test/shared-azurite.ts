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

/** Mocha root hook (see .mocharc.json): stops Azurite after the last test. */
export const mochaHooks = {
  async afterAll(): Promise<void> {
    if (running) await (await running).close();
    running = null;
  },
};
