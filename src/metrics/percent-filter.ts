import { percent } from './percent.js';
import { worstPercent } from './portfolio.js';
import type { CustomerReport, WorkloadTotal } from './report-types.js';

/**
 * Which of a customer's percents a question like "below 40%", "Teams usage below 50%" or
 * "deployment above 90%" is about.
 */
export type PercentMeasure =
  /** Both numbers: "below 40%" means deployment or usage under 40, "above 90%" both over 90 (the lower one decides). */
  | { readonly kind: 'lower' }
  | { readonly kind: 'deployment' }
  /** Usage over all workloads. */
  | { readonly kind: 'usage' }
  /** One workload's usage over all the customer's products, by its canonical name ("Teams"). */
  | { readonly kind: 'workload'; readonly workload: string };

/** A number customers can be ranked by: not "both numbers". */
export type RankedMeasure = Exclude<PercentMeasure, { readonly kind: 'lower' }>;

export interface PercentFilter {
  readonly side: 'below' | 'above';
  /** 0-100 scale, compared strictly: a customer at exactly 40% is neither below nor above 40%, */
  readonly percent: number;
  /** unless the bound includes it: "at most 40%", "at least 90%", "at 0%". */
  readonly inclusive?: true;
  readonly measure: PercentMeasure;
}

/** One condition or more. */
export type PercentFilters = readonly [PercentFilter, ...PercentFilter[]];

/**
 * The conditions of a question: a customer passes by meeting every condition of one group. "Usage
 * below 50% or deployment below 60%" is two groups of one; "usage below 50% and deployment above
 * 80%, or usage below 20%" is a group of two and a group of one ("and" binds before "or").
 */
export type PercentQuery = readonly [PercentFilters, ...PercentFilters[]];

/** The customer's usage of one workload over all its products; undefined when no source counts it. */
export function workloadTotal(report: CustomerReport, workload: string): WorkloadTotal | undefined {
  return report.workloads.find((w) => w.workload === workload);
}

/** The percent the measure reads for the customer; null when the customer has no such number. */
export function measuredPercent(report: CustomerReport, measure: PercentMeasure): number | null {
  switch (measure.kind) {
    case 'lower': {
      const lower = worstPercent(report);
      return Number.isFinite(lower) ? lower : null;
    }
    case 'deployment':
      return report.deploymentPercent;
    case 'usage':
      return report.usagePercent;
    case 'workload':
      return workloadTotal(report, measure.workload)?.usagePercent ?? null;
  }
}

export function passesFilter(report: CustomerReport, filter: PercentFilter): boolean {
  const value = measuredPercent(report, filter.measure);
  if (value === null) return false;
  if (filter.inclusive) return filter.side === 'below' ? value <= filter.percent : value >= filter.percent;
  return filter.side === 'below' ? value < filter.percent : value > filter.percent;
}

/**
 * The customers that meet every filter of one group of the query: below a percent, lowest first;
 * above only, highest first, each by the number of the first filter of the first group it meets.
 * Customers with the same number keep the order they came in (the portfolio's worst first).
 */
export function filterByPercent(customers: readonly CustomerReport[], query: PercentQuery): CustomerReport[] {
  const met = (c: CustomerReport): PercentFilters | undefined => query.find((group) => group.every((f) => passesFilter(c, f)));
  const highestFirst = query.every((group) => group.every((f) => f.side === 'above'));
  const value = (c: CustomerReport): number => {
    const group = met(c);
    return group === undefined ? 0 : (measuredPercent(c, group[0].measure) ?? 0);
  };
  return customers.filter((c) => met(c) !== undefined).sort((a, b) => (highestFirst ? value(b) - value(a) : value(a) - value(b)));
}

/** Which end of a ranking comes first. */
export type RankOrder = 'lowest' | 'highest';

/**
 * The customers that have the number the measure reads, lowest first ("Teams usage" across
 * customers) or highest ("who has the highest usage?"); ties keep the order given.
 */
export function rankBy(customers: readonly CustomerReport[], measure: PercentMeasure, order: RankOrder = 'lowest'): CustomerReport[] {
  const ranked = customers.flatMap((c) => {
    const value = measuredPercent(c, measure);
    return value === null ? [] : [{ c, value }];
  });
  return ranked.sort((a, b) => (order === 'lowest' ? a.value - b.value : b.value - a.value)).map(({ c }) => c);
}

/** One number over some customers, sum over sum: licenses assigned of sold, or entitlements active of entitled. */
export interface MeasureTotal {
  readonly part: number;
  readonly whole: number;
  readonly percent: number | null;
}

/** The customers' deployment, usage or one workload's usage, sum over sum ("Teams usage over all customers"). */
export function measureTotal(customers: readonly CustomerReport[], measure: RankedMeasure): MeasureTotal {
  let part = 0;
  let whole = 0;
  for (const c of customers) {
    if (measure.kind === 'deployment') {
      part += c.assigned;
      whole += c.sold;
    } else if (measure.kind === 'usage') {
      part += c.active;
      whole += c.entitled;
    } else {
      const w = workloadTotal(c, measure.workload);
      part += w?.active ?? 0;
      whole += w?.entitled ?? 0;
    }
  }
  return { part, whole, percent: percent(part, whole) };
}

/** "below 40%", "above 90%", "at most 40%", "at least 90%", "at 0%": the bound alone, in words. */
export function boundPhrase({ side, percent, inclusive }: Pick<PercentFilter, 'side' | 'percent' | 'inclusive'>): string {
  if (!inclusive) return `${side} ${percent}%`;
  if (side === 'below' && percent === 0) return 'at 0%';
  return `${side === 'below' ? 'at most' : 'at least'} ${percent}%`;
}

/** "below 40%", "Teams usage below 50%", "deployment at least 90%": what the filter asks, in words. */
export function filterPhrase(filter: PercentFilter): string {
  const what = measureName(filter.measure);
  return `${what === '' ? '' : `${what} `}${boundPhrase(filter)}`;
}

/** "deployment", "usage", "Teams usage"; empty for both numbers. */
export function measureName(measure: PercentMeasure): string {
  return measure.kind === 'lower' ? '' : measure.kind === 'workload' ? `${measure.workload} usage` : measure.kind;
}

/** "is below 40%", "has Teams usage below 50%": the filter said of one customer. */
export function filterClause(filter: PercentFilter): string {
  return `${filter.measure.kind === 'lower' ? 'is' : 'has'} ${filterPhrase(filter)}`;
}
