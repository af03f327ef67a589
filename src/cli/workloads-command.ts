import type { Config } from '../config.js';
import type { AdoptionRecord } from '../data/records.js';
import { portfolioReport, workloadTotals } from '../metrics/index.js';
import type { RankOrder } from '../metrics/percent-filter.js';
import { lowPercent } from '../metrics/thresholds.js';
import type { Output } from './output.js';
import { renderWorkloads } from './render-report.js';

/**
 * `adoption workloads [--highest] [--json]`: every workload over the customers, its usage (active
 * of entitled) and how many customers are under the usage threshold in it, the lowest first, as the
 * bot's "which workload is least used?" says it.
 */
export function runWorkloads(
  records: readonly AdoptionRecord[],
  order: RankOrder,
  json: boolean,
  now: Date,
  config: Config,
  output: Output,
): number {
  const totals = workloadTotals(portfolioReport(records, now, config.thresholds, config.links).customers, config.thresholds, order);
  if (json) {
    output.out(JSON.stringify(totals, null, 2));
    return 0;
  }
  if (totals.length === 0) {
    output.out('No workload usage in the cache yet: import files with `adoption import FILE...`.');
    return 0;
  }
  output.out(renderWorkloads(totals, lowPercent(config.thresholds, 'workload')));
  return 0;
}
