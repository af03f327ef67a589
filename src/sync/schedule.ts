import { Cron } from 'croner';
import type { SyncConfig } from '../config.js';
import type { Logger } from '../logging/logger.js';
import type { Storage } from '../data/store/storage.js';
import { describeCustomerOutcome, describeSummary } from './describe.js';
import { explainFailure } from './failure.js';
import { runSync, SYNC_LEASE } from './run-sync.js';
import { syncSources } from './sources.js';
import { doneOutcome, recordSyncRun, type SyncLogStore, type SyncRunOutcome } from './sync-log.js';

/**
 * The bot's own sync, on a cron pattern in UTC (croner). A run that is still going when the next one is
 * due is not doubled; the portfolio the chat answers from picks the new data up on its next turn, and
 * the alerts are evaluated once the sync is done.
 */
export function scheduleSync(options: {
  readonly pattern: string;
  readonly sync: SyncConfig;
  readonly dataDir: string;
  /** The cache and the leases: one instance syncs at a time, the others skip that run. */
  readonly storage: Pick<Storage, 'cache' | 'lease'>;
  /** Where each run is written down, for "when was the data last updated?" in chat. */
  readonly syncLog: SyncLogStore;
  readonly logger: Logger;
  /** What follows a sync that ran (the alert evaluation). */
  readonly afterSync?: () => Promise<void>;
}): { stop(): void } {
  const { pattern, storage, syncLog, logger } = options;
  const clock = (): Date => new Date();
  const sources = syncSources(options.sync, options.dataDir);
  const record = (startedAt: Date, outcome: SyncRunOutcome): Promise<void> =>
    recordSyncRun(
      syncLog,
      { startedAt: startedAt.toISOString(), finishedAt: clock().toISOString(), trigger: 'schedule', only: null, outcome },
      (error) => logger.error({ err: error }, 'Could not write the sync down in the sync status.'),
    );
  const job = new Cron(pattern, { protect: true, timezone: 'Etc/UTC' }, async () => {
    const release = await storage.lease(SYNC_LEASE);
    if (release === null) {
      logger.info('Scheduled sync skipped: another instance is syncing.');
      return;
    }
    logger.info('Scheduled sync started.');
    const startedAt = clock();
    try {
      const summary = await runSync({ store: storage.cache, sources, now: clock });
      for (const outcome of summary.customers) logger.info(describeCustomerOutcome(outcome));
      for (const line of describeSummary(summary)) logger.info(line);
      await record(startedAt, doneOutcome(summary));
    } catch (error) {
      const failure = explainFailure(error, 'Partner Center customers');
      logger.error(`Scheduled sync stopped: ${failure.reason}. ${failure.hint}`);
      await record(startedAt, { kind: 'stopped', ...failure });
      return;
    } finally {
      await release().catch(() => undefined);
    }
    await (options.afterSync?.() ?? Promise.resolve()).catch((error: unknown) =>
      logger.error({ err: error }, 'Alerts after the sync failed.'),
    );
  });
  return { stop: () => job.stop() };
}
