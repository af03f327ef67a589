import { byNumberThenName } from './by-name.js';
import { percent } from './percent.js';
import type { RankOrder } from './percent-filter.js';
import type { CustomerReport } from './report-types.js';
import { lowPercent, type Thresholds } from './thresholds.js';

/**
 * One workload over the customers whose data counts its entitlements: active of entitled (sum over
 * sum), and how many of those customers use it under the usage threshold.
 */
export interface WorkloadPortfolioTotal {
  readonly workload: string;
  readonly customers: number;
  readonly low: number;
  readonly active: number;
  readonly entitled: number;
  readonly usagePercent: number | null;
}

/**
 * Each workload over the customers entitled to it, the lowest usage first (the one to run an
 * adoption campaign for) or the highest, then by name.
 */
export function workloadTotals(
  customers: readonly CustomerReport[],
  thresholds: Thresholds,
  order: RankOrder = 'lowest',
): WorkloadPortfolioTotal[] {
  const under = lowPercent(thresholds, 'workload');
  const sums = new Map<string, { customers: number; low: number; active: number; entitled: number }>();
  for (const c of customers) {
    for (const w of c.workloads) {
      // Counted by a source, but no license includes it: the customer does not have the workload.
      if (w.entitled === 0) continue;
      const sum = sums.get(w.workload) ?? { customers: 0, low: 0, active: 0, entitled: 0 };
      sum.customers += 1;
      if (w.usagePercent !== null && w.usagePercent < under) sum.low += 1;
      sum.active += w.active;
      sum.entitled += w.entitled;
      sums.set(w.workload, sum);
    }
  }
  return [...sums]
    .map(([workload, sum]) => ({ workload, ...sum, usagePercent: percent(sum.active, sum.entitled) }))
    .sort(
      byNumberThenName(
        (t) => t.usagePercent,
        (t) => t.workload,
        order === 'highest',
      ),
    );
}
