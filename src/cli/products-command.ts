import type { Config } from '../config.js';
import type { AdoptionRecord } from '../data/records.js';
import { portfolioReport, productTotals, type ProductOrder } from '../metrics/index.js';
import type { Output } from './output.js';
import { renderProducts } from './render-report.js';

/**
 * `adoption products [--measure deployment|usage [--highest]] [--json]`: every product over the
 * customers with its licenses and usage, the most licenses sold first (or by the number, lowest
 * first), as the bot's "which products do we sell?" and "which product has the lowest usage?" say
 * it (which show the first 25).
 */
export function runProducts(
  records: readonly AdoptionRecord[],
  order: ProductOrder,
  json: boolean,
  now: Date,
  config: Config,
  output: Output,
): number {
  const totals = productTotals(portfolioReport(records, now, config.thresholds, config.links).customers, order);
  if (json) {
    output.out(JSON.stringify(totals, null, 2));
    return 0;
  }
  if (totals.length === 0) {
    output.out('No products in the cache yet: import files with `adoption import FILE...`.');
    return 0;
  }
  output.out(renderProducts(totals));
  return 0;
}
