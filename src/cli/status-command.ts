import { dataStatus } from '../cards/data-status-card.js';
import type { Config } from '../config.js';
import type { Storage } from '../data/store/storage.js';
import { portfolioReport } from '../metrics/index.js';
import { PortfolioView } from '../portfolio/portfolio-view.js';
import { openSyncLog, readSyncStatus } from '../sync/sync-log.js';
import type { Output } from './output.js';

/**
 * `adoption status`: what the bot's "when was the data last updated?" says. Exits 1 when the last
 * sync stopped or failed for a customer, so a monitor can watch it.
 */
export async function runStatus(config: Config, storage: Storage, now: Date, output: Output): Promise<number> {
  const report = portfolioReport(await storage.cache.records(), now, config.thresholds, config.links);
  const sync = await readSyncStatus(config.syncSchedule, await openSyncLog(storage), now);
  const { title, lines } = dataStatus(new PortfolioView(report, config.thresholds), sync, now);
  output.out([title, ...lines].join('\n'));
  const last = sync.last?.outcome;
  return last === undefined || (last.kind === 'done' && last.failedCount === 0 && last.analyticsFailure === null) ? 0 : 1;
}
