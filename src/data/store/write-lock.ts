import lockfile from 'proper-lockfile';

/** A lock held longer than this belongs to a crashed writer and is taken over. */
const STALE_LOCK_MS = 10_000;

/**
 * Serializes writers of one file across processes (proper-lockfile: a lock directory beside it);
 * resolves with the release function once this process holds it.
 */
export function lockForWrite(path: string): Promise<() => Promise<void>> {
  return lockfile.lock(path, {
    realpath: false,
    stale: STALE_LOCK_MS,
    retries: { retries: 100, minTimeout: 5, maxTimeout: 100, randomize: true },
  });
}
