import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import type { Lease } from './state-store.js';

/** A lease held by a crashed process is taken over after this long (the holder refreshes it meanwhile). */
const STALE_MS = 10_000;

/** Leases as lock files in the data folder (proper-lockfile), for processes on one machine. */
export function fileLease(dataDir: string): Lease {
  return async (name) => {
    await mkdir(dataDir, { recursive: true });
    try {
      return await lockfile.lock(join(dataDir, `${name}.lease`), { realpath: false, stale: STALE_MS, retries: 0 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOCKED') return null;
      throw error;
    }
  };
}
