import type { UsageRecord } from '../data/records.js';
import { sourceRank } from './preferred-source.js';
import { percent } from './percent.js';
import type { WorkloadTotal } from './report-types.js';

export interface UsageView {
  /** The records that count, one source per workload, grouped by workload in the order first seen. */
  readonly records: readonly UsageRecord[];
  readonly active: number;
  readonly entitled: number;
  readonly percent: number | null;
  /** Sums per workload over every product, for the workloads that know their entitlements. */
  readonly byWorkload: readonly WorkloadTotal[];
}

interface Candidates {
  readonly rows: UsageRecord[];
  /** The best source rank among rows that count entitlements, and among all rows. */
  bestCounted: number;
  bestAny: number;
}

/**
 * Usage % = active entitlements / total entitlements x 100, per product x workload and over all
 * (sum over sum, counting only rows that know their entitlements). For each workload the most
 * preferred source present serves it, among the rows that count entitlements when any does:
 * Partner Center analytics, legacy analytics, then the Graph reports (user detail before service
 * counts).
 */
export function usageView(records: readonly UsageRecord[]): UsageView {
  const byWorkload = new Map<string, Candidates>();
  for (const r of records) {
    const rank = sourceRank(r.source);
    let c = byWorkload.get(r.workload);
    if (!c) {
      c = { rows: [], bestCounted: Number.POSITIVE_INFINITY, bestAny: Number.POSITIVE_INFINITY };
      byWorkload.set(r.workload, c);
    }
    c.rows.push(r);
    if (rank < c.bestAny) c.bestAny = rank;
    if (r.entitled !== null && rank < c.bestCounted) c.bestCounted = rank;
  }
  const chosen: UsageRecord[] = [];
  let active = 0;
  let entitled = 0;
  const totals: WorkloadTotal[] = [];
  for (const [workload, { rows, bestCounted, bestAny }] of byWorkload) {
    const counting = bestCounted !== Number.POSITIVE_INFINITY;
    const source = counting ? bestCounted : bestAny;
    let workloadActive = 0;
    let workloadEntitled = 0;
    for (const r of rows) {
      if (sourceRank(r.source) !== source || (counting && r.entitled === null)) continue;
      chosen.push(r);
      if (r.entitled === null) continue;
      workloadActive += r.active;
      workloadEntitled += r.entitled;
    }
    if (!counting) continue;
    totals.push({ workload, active: workloadActive, entitled: workloadEntitled, usagePercent: percent(workloadActive, workloadEntitled) });
    active += workloadActive;
    entitled += workloadEntitled;
  }
  return { records: chosen, active, entitled, percent: percent(active, entitled), byWorkload: totals };
}
