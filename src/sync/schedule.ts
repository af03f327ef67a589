import { Cron } from 'croner';
import type { SyncConfig } from '../config.js';
import type { Logger } from '../logging/logger.js';
import type { AdoptionStore } from '../data/store/adoption-store.js';
import type { Lease } from '../data/store/state-store.js';
import { describeCustomerOutcome, describeSummary } from './describe.js';
import { explainFailure } from './failure.js';
import { runSync, SYNC_LEASE } from './run-sync.js';
import { syncSources } from './sources.js';

/**
 * The bot's own sync, on a cron pattern in UTC (croner). A run that is still going when the next one is
 * due is not doubled; the portfolio the chat answers from picks the new data up on its next turn, and
 * the alerts are evaluated once the sync is done.
 */
export function scheduleSync(
  pattern: string,
  sync: SyncConfig,
  dataDir: string,
  store: AdoptionStore,
  /** One instance syncs at a time: the others skip that run. */
  lease: Lease,
  logger: Logger,
  /** What follows a sync that ran (the alert evaluation). */
  afterSync: () => Promise<void> = async () => undefined,
): { stop(): void } {
  const sources = syncSources(sync, dataDir);
  const job = new Cron(pattern, { protect: true, timezone: 'Etc/UTC' }, async () => {
    const release = await lease(SYNC_LEASE);
    if (release === null) {
      logger.info('Scheduled sync skipped: another instance is syncing.');
      return;
    }
    logger.info('Scheduled sync started.');
    try {
      const summary = await runSync({ store, sources, now: () => new Date() });
      for (const outcome of summary.customers) logger.info(describeCustomerOutcome(outcome));
      for (const line of describeSummary(summary)) logger.info(line);
    } catch (error) {
      const failure = explainFailure(error, 'Partner Center customers');
      logger.error(`Scheduled sync stopped: ${failure.reason}. ${failure.hint}`);
      return;
    } finally {
      await release().catch(() => undefined);
    }
    await afterSync().catch((error: unknown) => logger.error({ err: error }, 'Alerts after the sync failed.'));
  });
  return { stop: () => job.stop() };
}
