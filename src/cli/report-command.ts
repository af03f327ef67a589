import type { Config } from '../config.js';
import type { AdoptionRecord, HistoryPoint } from '../data/records.js';
import {
  customerKey,
  falls,
  filterByPercent,
  filterClause,
  findingOf,
  portfolioReport,
  trend,
  type PercentFilter,
  type PercentMeasure,
  type Trend,
} from '../metrics/index.js';
import type { CustomerReport, FindingCode, PortfolioReport } from '../metrics/report-types.js';
import { CustomerIndex } from '../query/customer-index.js';
import type { Output } from './output.js';
import { renderPortfolio } from './render-report.js';

export interface ReportOptions {
  readonly customer?: string;
  readonly below?: number;
  readonly above?: number;
  /** What --below and --above read; by default deployment and usage both (the lower one decides). */
  readonly measure?: PercentMeasure;
  /** Only customers with this flag or recommendation. */
  readonly with?: FindingCode;
  /** Only customers whose deployment or usage fell since a week or more ago, the biggest fall first. */
  readonly falling?: boolean;
  readonly json?: boolean;
}

/** The --below and --above filters, each reading the --measure. */
function percentFilters(options: ReportOptions): PercentFilter[] {
  const measure = options.measure ?? { kind: 'lower' };
  return (['below', 'above'] as const).flatMap((side) => {
    const percent = options[side];
    return percent === undefined ? [] : [{ side, percent, measure }];
  });
}

/**
 * The portfolio narrowed by --customer, --below, --above, --with and --falling; a message and null
 * when --customer does not resolve or --measure has no percent to read.
 */
export function selectReport(
  records: readonly AdoptionRecord[],
  options: ReportOptions,
  trendOf: (c: CustomerReport) => Trend | null,
  now: Date,
  config: Config,
  output: Output,
): PortfolioReport | null {
  const filters = percentFilters(options);
  if (options.measure !== undefined && filters.length === 0) {
    output.err('--measure says what --below or --above reads: give one of them too, e.g. --below 50 --measure teams.');
    return null;
  }
  const full = portfolioReport(records, now, config.thresholds, config.links);
  let customers = full.customers;
  if (options.customer !== undefined) {
    const match = new CustomerIndex(customers.map((c) => c.customer)).find(options.customer);
    if (match.kind === 'several') {
      output.err(`"${options.customer}" matches several customers; say which:\n${match.names.map((n) => `  ${n}`).join('\n')}`);
      return null;
    }
    if (match.kind === 'none') {
      const closest = match.closest.length > 0 ? ` Closest: ${match.closest.join(', ')}.` : '';
      output.err(`No customer matches "${options.customer}".${closest}`);
      return null;
    }
    customers = customers.filter((c) => c.customer === match.name);
  }
  if (filters.length > 0) customers = filterByPercent(customers, filters);
  if (options.with !== undefined) {
    const code = options.with;
    customers = customers.filter((c) => findingOf(c, code) !== undefined);
  }
  if (options.falling) customers = falls(customers, trendOf).map((f) => f.customer);
  return { ...full, customers };
}

/** What to say when no customer is left to show. */
function noneMatch(options: ReportOptions): string {
  const narrowed = [
    ...percentFilters(options).map(filterClause),
    options.with === undefined ? null : `has ${options.with}`,
    options.falling ? 'went down since a week or more ago' : null,
  ].filter((part) => part !== null);
  return narrowed.length > 0
    ? `No customer ${narrowed.join(' and ')}.`
    : 'No customers in the cache yet: import files with `adoption import FILE...`.';
}

/** `adoption report [--customer NAME] [--below PCT] [--above PCT] [--measure WHAT] [--with CODE] [--falling] [--json]` */
export function runReport(
  records: readonly AdoptionRecord[],
  history: ReadonlyMap<string, readonly HistoryPoint[]>,
  options: ReportOptions,
  now: Date,
  config: Config,
  output: Output,
): number {
  const today = now.toISOString().slice(0, 10);
  const trendOf = (c: CustomerReport): Trend | null => trend(history.get(customerKey(c)) ?? [], c, today);
  const report = selectReport(records, options, trendOf, now, config, output);
  if (report === null) return 1;
  if (options.json) {
    output.out(JSON.stringify(report, null, 2));
  } else {
    const none = report.customers.length > 0 ? '' : noneMatch(options);
    // Partner-wide legacy figures are shown even before any customer's data is in.
    const rendered = renderPortfolio(report, trendOf);
    output.out([none, rendered].filter((part) => part !== '').join('\n\n'));
  }
  return 0;
}
