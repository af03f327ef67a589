import type { HistoryPoint } from '../data/records.js';
import {
  alphabetical,
  customerKey,
  customersWithout,
  isAmong,
  moves,
  mostInactive,
  mostNeedingAttention,
  mostOf,
  mostServiceRequests,
  mostUnassigned,
  bySize,
  needingAction,
  productLabel,
  productNames,
  soldOf,
  productsNamed,
  productTotals,
  workloadTotals,
  type WorkloadPortfolioTotal,
  type ProductTotal,
  type ProductOrder,
  rankBy,
  renewing,
  filterByPercent,
  findingOf,
  isLowAdoption,
  summarize,
  pointOf,
  trend,
  type Among,
  type Lacking,
  type Move,
  type Movement,
  type PercentQuery,
  type PercentMeasure,
  type RankOrder,
  type PortfolioSummary,
  type Trend,
  type CustomerHistory,
  type RenewalScope,
  type RenewalWindow,
  type SizeQuestion,
} from '../metrics/index.js';
import type { CustomerReport, FindingCode, PortfolioReport, ProductAdoption, SubscriptionStart } from '../metrics/report-types.js';
import { newWithin, startedWithin, type NewWhat } from '../metrics/subscription-starts.js';
import type { Thresholds } from '../metrics/thresholds.js';
import { CustomerIndex } from '../query/customer-index.js';

export type CustomerLookup =
  | { readonly kind: 'one'; readonly customer: CustomerReport }
  | { readonly kind: 'several'; readonly customers: readonly CustomerReport[] }
  | { readonly kind: 'none'; readonly closest: readonly CustomerReport[] };

/** One computed portfolio with the lookups the conversation needs, built once and then only read. */
export class PortfolioView {
  private readonly byKey = new Map<string, CustomerReport>();
  private readonly byName = new Map<string, CustomerReport[]>();
  /** Built at the first lookup by name: a view narrowed for one question (among) never needs it. */
  private index: CustomerIndex | null = null;
  private summaryCache: PortfolioSummary | null = null;
  private alphabeticalCache: readonly CustomerReport[] | null = null;

  constructor(
    readonly report: PortfolioReport,
    readonly thresholds: Thresholds,
    private readonly history: ReadonlyMap<string, readonly HistoryPoint[]> = new Map(),
  ) {
    for (const c of report.customers) {
      this.byKey.set(customerKey(c), c);
      const same = this.byName.get(c.customer);
      if (same) same.push(c);
      else this.byName.set(c.customer, [c]);
    }
  }

  get customers(): readonly CustomerReport[] {
    return this.report.customers;
  }

  /** The same portfolio narrowed to the customers a question is about ("E3 customers", "more than 100 seats"). */
  among(among: Among): PortfolioView {
    return new PortfolioView(
      { ...this.report, customers: this.report.customers.filter((c) => isAmong(c, among)) },
      this.thresholds,
      this.history,
    );
  }

  /** Every customer A to Z, sorted once for the pages that follow. */
  alphabetical(): readonly CustomerReport[] {
    this.alphabeticalCache ??= alphabetical(this.report.customers);
    return this.alphabeticalCache;
  }

  get summary(): PortfolioSummary {
    this.summaryCache ??= summarize(this.report, this.thresholds);
    return this.summaryCache;
  }

  /** How the customer's numbers moved since the sync `days` or more ago (a week by default); null without history. */
  trend(customer: CustomerReport, days?: number): Trend | null {
    return trend(this.history.get(customerKey(customer)) ?? [], customer, this.report.generatedAt.slice(0, 10), days);
  }

  /** The customer's points, oldest first, ending with today's numbers. */
  points(customer: CustomerReport): HistoryPoint[] {
    const today = this.report.generatedAt.slice(0, 10);
    const earlier = (this.history.get(customerKey(customer)) ?? []).filter((p) => p.day < today);
    return [...earlier, pointOf(today, customer)];
  }

  /** The customer's week's move and points, as its card shows them. */
  historyOf(customer: CustomerReport): CustomerHistory {
    return { trend: this.trend(customer), points: this.points(customer), today: this.report.generatedAt };
  }

  customer(key: string): CustomerReport | undefined {
    return this.byKey.get(key);
  }

  /** The one customer named exactly so, case aside; null when none is, or several are. */
  named(text: string): CustomerReport | null {
    this.index ??= new CustomerIndex([...this.byName.keys()]);
    const found = this.index.named(text).flatMap((n) => this.byName.get(n) ?? []);
    return found.length === 1 ? found[0]! : null;
  }

  find(query: string): CustomerLookup {
    this.index ??= new CustomerIndex([...this.byName.keys()]);
    const match = this.index.find(query);
    if (match.kind === 'none') return { kind: 'none', closest: this.reports(match.closest) };
    return this.lookup(this.reports(match.kind === 'one' ? [match.name] : match.names));
  }

  /** The customers a query spells, whole or in part (CustomerIndex.spelled): for filing data under one. */
  spelled(query: string): CustomerLookup {
    this.index ??= new CustomerIndex([...this.byName.keys()]);
    const found = this.reports(this.index.spelled(query));
    return found.length === 0 ? { kind: 'none', closest: [] } : this.lookup(found);
  }

  private reports(names: readonly string[]): CustomerReport[] {
    return names.flatMap((n) => this.byName.get(n) ?? []);
  }

  private lookup(found: readonly CustomerReport[]): CustomerLookup {
    return found.length === 1 ? { kind: 'one', customer: found[0]! } : { kind: 'several', customers: found };
  }

  /** Customers that meet every filter of a group of the query: below (lowest first) or above (highest first) a percent of what it measures. */
  passing(query: PercentQuery): CustomerReport[] {
    return filterByPercent(this.report.customers, query);
  }

  /** Customers with the number the measure reads, lowest (or highest) first. */
  ranked(measure: PercentMeasure, order: RankOrder = 'lowest'): CustomerReport[] {
    return rankBy(this.report.customers, measure, order);
  }

  lowAdoption(): CustomerReport[] {
    return this.report.customers.filter((c) => isLowAdoption(c, this.thresholds));
  }

  /** Customers with a number, the highest lower-of-deployment-and-usage first. */
  best(): CustomerReport[] {
    return filterByPercent(this.report.customers, [[{ side: 'above', percent: Number.NEGATIVE_INFINITY, measure: { kind: 'lower' } }]]);
  }

  /** Customers with a number, the lowest lower-of-deployment-and-usage first. */
  worst(): CustomerReport[] {
    return filterByPercent(this.report.customers, [[{ side: 'below', percent: Number.POSITIVE_INFINITY, measure: { kind: 'lower' } }]]);
  }

  /** Customers whose deployment or usage went that way since the sync that many days or more ago, the biggest move first. */
  moved(movement: Movement): Move<CustomerReport>[] {
    return moves(this.report.customers, movement, (c) => this.trend(c, movement.days));
  }

  /** Customers with a subscription renewing (or only a trial ending) on the days of the window, the soonest first. */
  renewing(window: RenewalWindow, scope: RenewalScope = 'all'): CustomerReport[] {
    return renewing(this.report.customers, this.report.generatedAt, window, scope, (c) => isLowAdoption(c, this.thresholds));
  }

  /** Customers new in the `days` before the report (every subscription that recent), or with a subscription that recent; the newest first. */
  newWithin(what: NewWhat, days: number): CustomerReport[] {
    return newWithin(this.report.customers, what, this.report.generatedAt, days);
  }

  /** The customer's subscriptions created in the `days` before the report, the newest first. */
  startedWithin(customer: CustomerReport, days: number): SubscriptionStart[] {
    return startedWithin(customer, this.report.generatedAt, days);
  }

  /** Customers with licenses sold, the largest (or smallest) first, within a seat count if asked; of a product's licenses if named. */
  bySize(question: SizeQuestion, product: string | null = null): CustomerReport[] {
    return bySize(this.report.customers, question, product === null ? undefined : soldOf(product));
  }

  /** Customers with licenses sold and not assigned (more than `above` of them), the most first; of a product's licenses if named. */
  unassigned(above = 0, product: string | null = null): CustomerReport[] {
    return mostOf(this.report.customers, mostUnassigned, product, above);
  }
  /** Customers with more than `above` entitlements nobody used in the last 28 days, the most first; of a product's if named. */
  inactive(above = 0, product: string | null = null): CustomerReport[] {
    return mostOf(this.report.customers, mostInactive, product, above);
  }

  /** Customers with a subscription in grace period, suspended, disabled or expired, the most such subscriptions first. */
  needingAttention(): CustomerReport[] {
    return mostNeedingAttention(this.report.customers);
  }

  /** Customers with more than `above` service requests in the last 30 days, the most first. */
  serviceRequests(above = 0): CustomerReport[] {
    return mostServiceRequests(this.report.customers, above);
  }

  /** Customers with that explanation or suggested action, worst first. */
  withFinding(code: FindingCode): CustomerReport[] {
    return this.report.customers.filter((c) => findingOf(c, code) !== undefined);
  }

  /** How titles say a product query: "E3 or E5" for "E3 and E5" when no product's name has all those words. */
  productLabel(query: string): string {
    return productLabel(this.report.customers, query);
  }

  /** Customers with a product named like the query ("E3", "Dynamics 365"), worst first, each with those products. */
  withProduct(query: string): { readonly customer: CustomerReport; readonly products: readonly ProductAdoption[] }[] {
    return this.report.customers.flatMap((customer) => {
      const products = productsNamed(customer, query);
      return products.length === 0 ? [] : [{ customer, products }];
    });
  }

  /** Customers without a product named like some words, or without a workload: the largest first. */
  without(lacking: Lacking): CustomerReport[] {
    return customersWithout(this.report.customers, lacking);
  }

  /** Each product over the customers, the most licenses sold first. */
  productTotals(order?: ProductOrder): ProductTotal[] {
    return productTotals(this.report.customers, order);
  }

  /** Each workload over the customers, the lowest usage first (or the highest), with how many are low in it. */
  workloadTotals(order: RankOrder): WorkloadPortfolioTotal[] {
    return workloadTotals(this.report.customers, this.thresholds, order);
  }

  /** Every product name in the portfolio, for "no customer has …". */
  productNames(): string[] {
    return productNames(this.report.customers);
  }

  /** Customers with a suggested action, a trial about to end or old data, the most urgent first (see ACTION_ORDER). */
  needingAction(): CustomerReport[] {
    return needingAction(this.report.customers, this.report.generatedAt);
  }
}
