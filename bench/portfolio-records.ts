import type { DeploymentRecord, UsageRecord } from '../src/data/records.js';

/**
 * A synthetic portfolio for the benchmarks: each customer buys every product and uses every
 * workload of it, with deployment and usage spread deterministically across 5–105%.
 */
export function portfolioRecords(options: {
  readonly customers: number;
  readonly products: readonly string[];
  readonly workloads: readonly string[];
  readonly asOf: string;
}): (DeploymentRecord | UsageRecord)[] {
  const { asOf } = options;
  const out: (DeploymentRecord | UsageRecord)[] = [];
  for (let c = 0; c < options.customers; c++) {
    const customer = { tenantId: `00000000-0000-4000-8000-${String(c).padStart(12, '0')}`, name: `Customer ${c}` };
    for (const [p, product] of options.products.entries()) {
      const sold = 10 + ((c * 7 + p) % 90);
      const assigned = Math.floor(sold * (((c + p) % 10) / 10 + 0.05));
      out.push({ kind: 'deployment', key: `d|${c}|${p}`, customer, source: 'pc-analytics', asOf, product, sold, assigned });
      for (const [w, workload] of options.workloads.entries()) {
        const active = Math.floor(assigned * (((c + p + w) % 11) / 10));
        out.push({
          kind: 'usage',
          key: `u|${c}|${p}|${w}`,
          customer,
          source: 'pc-analytics',
          asOf,
          product,
          workload,
          active,
          entitled: assigned,
        });
      }
    }
  }
  return out;
}
