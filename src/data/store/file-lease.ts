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
      return await lockfile.lock(join(dataDir, `${name}.lease`), {
        realpath: false,
        stale: STALE_MS,
        retries: 0,
        // The lock file was taken over or removed (the holder stalled past STALE_MS): proper-lockfile
        // would throw from a timer; the holder simply no longer has the lease.
        onCompromised: () => undefined,
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOCKED') return null;
      throw error;
    }
  };
}
