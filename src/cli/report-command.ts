import type { Config } from '../config.js';
import type { AdoptionRecord, HistoryPoint } from '../data/records.js';
import {
  alphabetical,
  isLowAdoption,
  beyondText,
  customerKey,
  customersWithout,
  lackedText,
  lackingNamed,
  productsNamed,
  moves,
  mostInactive,
  mostOf,
  soldOf,
  mostNeedingAttention,
  mostServiceRequests,
  mostUnassigned,
  needingAction,
  rankBy,
  renewing,
  windowOf,
  bySize,
  filterByPercent,
  filterClause,
  measureName,
  findingOf,
  portfolioReport,
  calendarName,
  trend,
  type PercentFilter,
  type PercentMeasure,
  type FixedSpan,
  spanText,
  WEEK_DAYS,
  type Movement,
  type Trend,
  type RenewalScope,
  type SeatFilter,
  type SizeQuestion,
} from '../metrics/index.js';
import type { CustomerReport, FindingCode, PortfolioReport } from '../metrics/report-types.js';
import { newWithin } from '../metrics/subscription-starts.js';
import { CustomerIndex } from '../query/customer-index.js';
import type { Output } from './output.js';
import { renderPortfolio } from './render-report.js';

export interface ReportOptions {
  readonly customer?: string;
  readonly below?: number;
  readonly above?: number;
  /** Like --below and --above, the percent itself included: "at most 40%", "at least 90%". */
  readonly atMost?: number;
  readonly atLeast?: number;
  /** What --below, --above, --at-most and --at-least read; by default deployment and usage both (the lower one decides). */
  readonly measure?: PercentMeasure;
  /** Only customers with this flag or recommendation. */
  readonly with?: FindingCode;
  /** Only customers whose deployment or usage fell (or rose) since the sync --days or more ago, the biggest move first. */
  readonly falling?: boolean;
  readonly rising?: boolean;
  /** Either way: the biggest move first. */
  readonly moving?: boolean;
  /** With --falling, --rising or --moving: only moves of more than this many points. */
  readonly moreThan?: number;
  /** How far back trends look, in days; a week by default. */
  readonly days?: number;
  /** Only customers with licenses sold and not assigned, the most first. */
  readonly unassigned?: boolean;
  /** Only customers with entitlements nobody used in the last 28 days, the most first. */
  readonly inactive?: boolean;
  /** Only customers with a subscription in grace period, suspended, disabled or expired, the most such subscriptions first. */
  readonly attention?: boolean;
  /** Only customers with more than this many service requests in the last 30 days, the most first. */
  readonly requestsAbove?: number;
  /** Only customers with a subscription whose term (or trial) ends within so many days, or in a month, the soonest first. */
  readonly renewing?: FixedSpan;
  /** Only customers whose every subscription was created in the last so many days, the newest first. */
  readonly newCustomers?: number;
  /** Only customers with a subscription created in the last so many days, the newest first. */
  readonly newSubscriptions?: number;
  /** Only customers with licenses sold, the most (or fewest) first. */
  readonly largest?: boolean;
  readonly smallest?: boolean;
  /** Only customers with more (fewer) than this many licenses sold. */
  readonly seatsAbove?: number;
  readonly seatsBelow?: number;
  /** With renewing: only trials' ends. */
  readonly trials?: boolean;
  /** With renewing: only subscriptions ending with auto-renew off. */
  readonly lapsing?: boolean;
  /** With renewing: only renewals at risk: every one of a customer under a threshold, and every one with auto-renew off. */
  readonly atRisk?: boolean;
  /** Only customers with a suggested action, a subscription needing attention, a trial ending soon or old data, the most urgent first (what "what should I do?" lists). */
  readonly actions?: boolean;
  /** Only customers with a product whose name has every word of this. */
  readonly product?: string;
  /** Only customers without a product named so (or, for a workload's name, without its entitlements), the most licenses first. */
  readonly without?: string;
  /** The customers left, A to Z by name. */
  readonly byName?: boolean;
  readonly json?: boolean;
}

/** What --falling, --rising and --moving ask, over --days, of --measure, by --more-than; null for none. */
function movementOf(options: ReportOptions): Movement | null {
  const direction = options.falling ? 'down' : options.moving ? 'either' : options.rising ? 'up' : null;
  if (direction === null) return null;
  const { measure } = options;
  return {
    direction,
    days: options.days ?? WEEK_DAYS,
    ...(options.moreThan === undefined ? {} : { beyondPoints: options.moreThan }),
    ...(measure === undefined || measure.kind === 'lower' ? {} : { measure }),
  };
}

/** What --largest, --smallest, --seats-above and --seats-below ask (a seat count alone orders by it); null for none. */
function sizeOf(options: ReportOptions): SizeQuestion | null {
  const seats: SeatFilter | null =
    options.seatsAbove !== undefined
      ? { side: 'above', count: options.seatsAbove, inclusive: false }
      : options.seatsBelow !== undefined
        ? { side: 'below', count: options.seatsBelow, inclusive: false }
        : null;
  if (options.smallest || (!options.largest && seats?.side === 'below')) return { order: 'smallest', seats };
  return options.largest || seats !== null ? { order: 'largest', seats } : null;
}

/** Which renewals --renewing keeps: --trials, --lapsing, or every one. */
function renewalScope(options: ReportOptions): RenewalScope {
  if (options.trials) return 'trials';
  if (options.atRisk) return 'at-risk';
  return options.lapsing ? 'lapsing' : 'all';
}

const RENEWING_CLAUSE: Readonly<Record<RenewalScope, string>> = {
  all: 'a subscription renewing',
  trials: 'a trial ending',
  lapsing: 'a subscription ending without auto-renew',
  'at-risk': 'a renewal at risk (deployment or usage under its threshold, or auto-renew off)',
};

/** The --below, --above, --at-most and --at-least filters, each reading the --measure. */
function percentFilters(options: ReportOptions): PercentFilter[] {
  const measure = options.measure ?? { kind: 'lower' };
  const strict = (['below', 'above'] as const).flatMap((side) => {
    const percent = options[side];
    return percent === undefined ? [] : [{ side, percent, measure }];
  });
  const inclusive = (
    [
      ['below', options.atMost],
      ['above', options.atLeast],
    ] as const
  ).flatMap(([side, percent]) => (percent === undefined ? [] : [{ side, percent, inclusive: true as const, measure }]));
  return [...strict, ...inclusive];
}

/**
 * The portfolio narrowed by --customer, --below, --above, --at-most, --at-least, --with, --product, --without, --falling,
 * --rising, --actions, --unassigned, --inactive, --attention and --requests-above (--measure alone: the customers with that number, lowest first); a message and
 * null when --customer does not resolve.
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
  const movement = movementOf(options);
  const [first, ...more] = filters;
  // The options are all to be met: one group.
  if (first !== undefined) customers = filterByPercent(customers, [[first, ...more]]);
  else if (options.measure !== undefined && movement === null) customers = rankBy(customers, options.measure);
  if (options.with !== undefined) {
    const code = options.with;
    customers = customers.filter((c) => findingOf(c, code) !== undefined);
  }
  const product = options.product;
  if (product !== undefined) customers = customers.filter((c) => productsNamed(c, product).length > 0);
  if (options.without !== undefined) customers = customersWithout(customers, lackingNamed(options.without));
  if (movement) customers = moves(customers, movement, trendOf).map((m) => m.customer);
  if (options.actions) customers = needingAction(customers, full.generatedAt);
  // With --product, the licenses and entitlements of those products are counted.
  if (options.unassigned) customers = mostOf(customers, mostUnassigned, product ?? null);
  if (options.inactive) customers = mostOf(customers, mostInactive, product ?? null);
  if (options.attention) customers = mostNeedingAttention(customers);
  if (options.requestsAbove !== undefined) customers = mostServiceRequests(customers, options.requestsAbove);
  const size = sizeOf(options);
  // With --product, the licenses of those products are counted.
  if (size) customers = bySize(customers, size, product === undefined ? undefined : soldOf(product));
  if (options.renewing !== undefined) {
    const low = (c: CustomerReport): boolean => isLowAdoption(c, config.thresholds);
    customers = renewing(customers, full.generatedAt, windowOf(options.renewing, full.generatedAt), renewalScope(options), low);
  }
  if (options.newCustomers !== undefined) customers = newWithin(customers, 'customers', full.generatedAt, options.newCustomers);
  if (options.newSubscriptions !== undefined) customers = newWithin(customers, 'subscriptions', full.generatedAt, options.newSubscriptions);
  if (options.byName) customers = alphabetical(customers);
  return { ...full, customers };
}

/** "in the next 30 days", "in December", "by the end of December", "in Q1". */
function spanClause(span: FixedSpan): string {
  if ('days' in span) return `in the next ${span.days} days`;
  return `${span.whole ? 'in' : 'by the end of'} ${calendarName(span)}`;
}

/** What to say when no customer is left to show. */
function noneMatch(options: ReportOptions): string {
  const movement = movementOf(options);
  const filters = percentFilters(options);
  const narrowed = [
    ...filters.map(filterClause),
    options.measure !== undefined && filters.length === 0 && movement === null ? `has ${measureName(options.measure)} figures` : null,
    options.with === undefined ? null : `has ${options.with}`,
    options.product === undefined ? null : `has a product named like "${options.product}"`,
    options.without === undefined ? null : `lacks ${lackedText(lackingNamed(options.without))}`,
    movement === null ? null : movedClause(movement),
    options.actions ? 'has a suggested action, a subscription needing attention, a trial ending soon or old data' : null,
    options.unassigned ? 'has unassigned licenses' : null,
    options.inactive ? 'has inactive entitlements' : null,
    options.attention ? 'has a subscription needing attention' : null,
    options.requestsAbove === undefined ? null : `has more than ${options.requestsAbove} service requests in the last 30 days`,
    seatsClause(sizeOf(options)),
    options.renewing === undefined ? null : `has ${RENEWING_CLAUSE[renewalScope(options)]} ${spanClause(options.renewing)}`,
    options.newCustomers === undefined ? null : `is new (every subscription created) in the last ${options.newCustomers} days`,
    options.newSubscriptions === undefined ? null : `has a subscription created in the last ${options.newSubscriptions} days`,
  ].filter((part) => part !== null);
  return narrowed.length > 0
    ? `No customer ${narrowed.join(' and ')}.`
    : 'No customers in the cache yet: import files with `adoption import FILE...`.';
}

/** "went down since a week or more ago", "had its Teams usage go down by more than 5 points since 30 days or more ago". */
function movedClause({ direction, measure, beyondPoints, days }: Movement): string {
  const verb = direction === 'either' ? 'move' : `go ${direction}`;
  const moved =
    measure === undefined ? (direction === 'either' ? 'moved' : `went ${direction}`) : `had its ${measureName(measure)} ${verb}`;
  return `${moved}${beyondText(beyondPoints)} since ${spanText(days)} or more ago`;
}

/** "has more than 100 licenses sold", "has licenses sold"; null when the size was not asked. */
function seatsClause(size: SizeQuestion | null): string | null {
  if (size === null) return null;
  const { seats } = size;
  return seats === null ? 'has licenses sold' : `has ${seats.side === 'above' ? 'more' : 'fewer'} than ${seats.count} licenses sold`;
}

/** `adoption report [--customer NAME] [--below PCT] [--above PCT] [--at-most PCT] [--at-least PCT] [--measure WHAT] [--with CODE] [--falling|--rising|--moving] [--more-than POINTS] [--days N] [--actions] [--unassigned] [--inactive] [--attention] [--requests-above N] [--largest|--smallest] [--seats-above N|--seats-below N] [--renewing DAYS|MONTH] [--trials|--lapsing|--at-risk] [--new-customers DAYS|--new-subscriptions DAYS] [--product WORDS] [--without WORDS] [--by-name] [--json]` */
export function runReport(
  records: readonly AdoptionRecord[],
  history: ReadonlyMap<string, readonly HistoryPoint[]>,
  options: ReportOptions,
  now: Date,
  config: Config,
  output: Output,
): number {
  if (options.moreThan !== undefined && movementOf(options) === null) {
    output.err('--more-than counts the points of a move: give it with --falling, --rising or --moving.');
    return 1;
  }
  const today = now.toISOString().slice(0, 10);
  const trendOf = (c: CustomerReport): Trend | null => trend(history.get(customerKey(c)) ?? [], c, today, options.days);
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
