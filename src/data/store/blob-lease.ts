import type { ContainerClient } from '@azure/storage-blob';
import { statusOf } from './blob-document.js';
import type { Lease } from './state-store.js';

/** Seconds a lease lasts unless renewed (Blob Storage allows 15 to 60): a crashed holder's lease ends this long after. */
export const LEASE_SECONDS = 15;

/**
 * Leases as blob leases on small blobs under `leases/`: one instance at a time holds each (the
 * sync, the alert outbox). The holder renews every third of the lease; a holder that dies loses
 * it when the lease runs out.
 */
export function blobLease(container: ContainerClient): Lease {
  return async (name) => {
    const blob = container.getBlockBlobClient(`leases/${name}`);
    await blob.upload('', 0, { conditions: { ifNoneMatch: '*' } }).catch((error: unknown) => {
      // Already there (409/412), or leased by a holder right now (412): both fine.
      if (statusOf(error) !== 409 && statusOf(error) !== 412) throw error;
    });
    const lease = blob.getBlobLeaseClient();
    try {
      await lease.acquireLease(LEASE_SECONDS);
    } catch (error) {
      if (statusOf(error) === 409) return null;
      throw error;
    }
    const renewing = setInterval(() => void lease.renewLease().catch(() => undefined), (LEASE_SECONDS * 1000) / 3);
    renewing.unref();
    return async () => {
      clearInterval(renewing);
      await lease.releaseLease().catch(() => undefined);
    };
  };
}
