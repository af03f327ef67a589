import type { UsageRecord } from '../data/records.js';
import { preferredSource } from './preferred-source.js';
import { percent } from './percent.js';
import type { WorkloadTotal } from './report-types.js';

export interface UsageView {
  /** The records that count, one source per workload. */
  readonly records: readonly UsageRecord[];
  readonly active: number;
  readonly entitled: number;
  readonly percent: number | null;
  /** Sums per workload over every product, for the workloads that know their entitlements. */
  readonly byWorkload: readonly WorkloadTotal[];
}

/**
 * Usage % = active entitlements / total entitlements x 100, per product x workload and over all
 * (sum over sum, counting only rows that know their entitlements). For each workload the most
 * preferred source present serves it: Partner Center analytics, legacy analytics, then the Graph
 * reports (user detail before service counts).
 */
export function usageView(records: readonly UsageRecord[]): UsageView {
  const byWorkload = new Map<string, UsageRecord[]>();
  for (const r of records) {
    const rows = byWorkload.get(r.workload);
    if (rows) rows.push(r);
    else byWorkload.set(r.workload, [r]);
  }
  const chosen: UsageRecord[] = [];
  let active = 0;
  let entitled = 0;
  const totals: WorkloadTotal[] = [];
  for (const [workload, candidates] of byWorkload) {
    const withEntitlements = candidates.filter((r) => r.entitled !== null);
    const pool = withEntitlements.length > 0 ? withEntitlements : candidates;
    const source = preferredSource(pool);
    let workloadActive = 0;
    let workloadEntitled: number | null = null;
    for (const r of pool) {
      if (r.source !== source) continue;
      chosen.push(r);
      if (r.entitled === null) continue;
      workloadActive += r.active;
      workloadEntitled = (workloadEntitled ?? 0) + r.entitled;
    }
    if (workloadEntitled === null) continue;
    totals.push({ workload, active: workloadActive, entitled: workloadEntitled, usagePercent: percent(workloadActive, workloadEntitled) });
    active += workloadActive;
    entitled += workloadEntitled;
  }
  return { records: chosen, active, entitled, percent: percent(active, entitled), byWorkload: totals };
}
