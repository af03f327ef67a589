import type { UsageRecord } from '../data/records.js';
import { preferredSource } from './preferred-source.js';
import { percent } from './percent.js';

export interface UsageView {
  /** The records that count, one source per workload. */
  readonly records: readonly UsageRecord[];
  readonly active: number;
  readonly entitled: number;
  readonly percent: number | null;
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
  for (const candidates of byWorkload.values()) {
    const withEntitlements = candidates.filter((r) => r.entitled !== null);
    const pool = withEntitlements.length > 0 ? withEntitlements : candidates;
    const source = preferredSource(pool);
    for (const r of pool) {
      if (r.source !== source) continue;
      chosen.push(r);
      if (r.entitled === null) continue;
      active += r.active;
      entitled += r.entitled;
    }
  }
  return { records: chosen, active, entitled, percent: percent(active, entitled) };
}
