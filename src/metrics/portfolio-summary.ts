import { medianPercent } from './median.js';
import { percent } from './percent.js';
import { FLAG_CODES, RECOMMENDATION_CODES, type FlagCode, type PortfolioReport, type RecommendationCode } from './report-types.js';
import type { Thresholds } from './thresholds.js';

/** The whole portfolio in a few numbers: what the portfolio card shows above its worst customers. */
export interface PortfolioSummary {
  readonly customers: number;
  readonly sold: number;
  readonly assigned: number;
  readonly deploymentPercent: number | null;
  readonly active: number;
  readonly entitled: number;
  readonly usagePercent: number | null;
  /** The median customer's deployment and usage: what a typical customer sees, where the sums weigh large customers most. */
  readonly median: { readonly deploymentPercent: number | null; readonly usagePercent: number | null };
  /** Customers under the configured low-deployment or low-usage threshold. */
  readonly lowAdoption: number;
  /** Customers with at least one flag of each code (a customer counts once per code). */
  readonly flags: Readonly<Record<FlagCode, number>>;
  readonly recommendations: Readonly<Record<RecommendationCode, number>>;
}

export function isLowAdoption(
  c: { readonly deploymentPercent: number | null; readonly usagePercent: number | null },
  thresholds: Thresholds,
): boolean {
  return (
    (c.deploymentPercent !== null && c.deploymentPercent < thresholds.deploymentLowPercent) ||
    (c.usagePercent !== null && c.usagePercent < thresholds.usageLowPercent)
  );
}

export function summarize(report: PortfolioReport, thresholds: Thresholds): PortfolioSummary {
  const flags = Object.fromEntries(FLAG_CODES.map((c) => [c, 0])) as Record<FlagCode, number>;
  const recommendations = Object.fromEntries(RECOMMENDATION_CODES.map((c) => [c, 0])) as Record<RecommendationCode, number>;
  let sold = 0;
  let assigned = 0;
  let active = 0;
  let entitled = 0;
  let lowAdoption = 0;
  for (const c of report.customers) {
    sold += c.sold;
    assigned += c.assigned;
    active += c.active;
    entitled += c.entitled;
    if (isLowAdoption(c, thresholds)) lowAdoption++;
    for (const code of new Set(c.flags.map((f) => f.code))) flags[code]++;
    for (const code of new Set(c.recommendations.map((r) => r.code))) recommendations[code]++;
  }
  return {
    customers: report.customers.length,
    sold,
    assigned,
    deploymentPercent: percent(assigned, sold),
    active,
    entitled,
    usagePercent: percent(active, entitled),
    median: {
      deploymentPercent: medianPercent(report.customers, { kind: 'deployment' }),
      usagePercent: medianPercent(report.customers, { kind: 'usage' }),
    },
    lowAdoption,
    flags,
    recommendations,
  };
}
