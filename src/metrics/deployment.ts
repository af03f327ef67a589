import type { DeploymentRecord, Source } from '../data/records.js';
import { preferredSource } from './preferred-source.js';
import { percent } from './percent.js';

export interface DeploymentView {
  readonly source: Source | null;
  readonly records: readonly DeploymentRecord[];
  readonly byProduct: ReadonlyMap<string, { product: string; sold: number; assigned: number }>;
  readonly sold: number;
  readonly assigned: number;
  readonly percent: number | null;
}

/**
 * Deployment % = assigned / sold x 100, per product and over all products (sum over sum).
 * Products are named differently by each source, so one source serves a customer: the first
 * present of Partner Center analytics, legacy analytics, Partner Center subscribed SKUs, Graph
 * subscribedSkus.
 */
export function deploymentView(records: readonly DeploymentRecord[]): DeploymentView {
  const source = preferredSource(records);
  const chosen: DeploymentRecord[] = [];
  const byProduct = new Map<string, { product: string; sold: number; assigned: number }>();
  let sold = 0;
  let assigned = 0;
  for (const r of records) {
    if (r.source !== source) continue;
    chosen.push(r);
    const key = r.product.toLowerCase();
    let row = byProduct.get(key);
    if (!row) {
      row = { product: r.product, sold: 0, assigned: 0 };
      byProduct.set(key, row);
    }
    row.sold += r.sold;
    row.assigned += r.assigned;
    sold += r.sold;
    assigned += r.assigned;
  }
  return { source, records: chosen, byProduct, sold, assigned, percent: percent(assigned, sold) };
}
