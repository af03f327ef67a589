import Table from 'cli-table3';
import type { Config } from '../config.js';
import type { AdoptionRecord } from '../data/records.js';
import { portfolioReport, productTotals } from '../metrics/index.js';
import type { Output } from './output.js';

const show = (value: number | null, suffix = ''): string => (value === null ? '—' : `${value}${suffix}`);

/**
 * `adoption products [--json]`: every product over the customers, the most licenses sold first,
 * as the bot's "which products do we sell?" says it (which shows the first 25).
 */
export function runProducts(records: readonly AdoptionRecord[], json: boolean, now: Date, config: Config, output: Output): number {
  const totals = productTotals(portfolioReport(records, now, config.thresholds, config.links).customers);
  if (json) {
    output.out(JSON.stringify(totals, null, 2));
    return 0;
  }
  if (totals.length === 0) {
    output.out('No products in the cache yet: import files with `adoption import FILE...`.');
    return 0;
  }
  const table = new Table({ head: ['Product', 'Customers', 'Sold', 'Assigned', 'Deployment'], style: { head: [], border: [] } });
  for (const t of totals) table.push([t.product, String(t.customers), show(t.sold), show(t.assigned), show(t.deploymentPercent, '%')]);
  output.out(table.toString());
  return 0;
}
