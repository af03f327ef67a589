import { workloadNamed } from '../data/workloads.js';
import { workloadTotal, type RankOrder } from './percent-filter.js';
import { largestFirst } from './size.js';
import type { CustomerReport, ProductAdoption, Renewal } from './report-types.js';
import { percent } from './percent.js';
import { byNumberThenName } from './by-name.js';

/** Lower-cased words of a name: "OFFICE 365 ENTERPRISE E3" -> office, 365, enterprise, e3. */
function words(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/**
 * The customer's products whose name has every word of the query, whole or as the start of a word
 * of three letters or more: "e3", "Dynamics 365", "teams prem" (Partner Center, Graph and files
 * spell the same product in capitals or not, with or without "Microsoft").
 */
export function productsNamed(report: CustomerReport, query: string): ProductAdoption[] {
  const wanted = words(query);
  const whole = report.products.filter((p) => hasWords(p.product, wanted));
  if (whole.length > 0) return whole;
  // "E3 or E5", "E3 and E5", "E3, E5": each product asked, when no name has all the words.
  const alternatives = alternativesOf(query).map(words);
  if (alternatives.length < 2) return whole;
  return report.products.filter((p) => alternatives.some((part) => hasWords(p.product, part)));
}

/** "E3 or E5", "E3 and E5", "E3, E5", "E3/E5": the products named together, each as typed. */
function alternativesOf(query: string): string[] {
  return query
    .split(/\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+|\s*\/\s*/)
    .map((part) => part.trim())
    .filter((part) => words(part).length > 0);
}

/**
 * The customer's live subscriptions with a term or trial end whose offer is named so, as
 * productsNamed reads a name: a trial has no license figures until it converts.
 */
export function renewalsNamed(report: CustomerReport, query: string): Renewal[] {
  const wanted = words(query);
  return report.renewals.filter((r) => hasWords(r.offer, wanted));
}

/**
 * How a product query reads over the customers, for titles: as typed when some product's name has
 * all its words, otherwise its products named together joined by "or" ("E3 and E5" lists the
 * customers with either, and says "E3 or E5").
 */
export function productLabel(customers: readonly CustomerReport[], query: string): string {
  const wanted = words(query);
  if (customers.some((c) => c.products.some((p) => hasWords(p.product, wanted)))) return query;
  const alternatives = alternativesOf(query);
  return alternatives.length < 2 ? query : alternatives.join(' or ');
}

/** Licenses sold of the customer's products named like the words: "biggest E3 customers" counts these. */
export function soldOf(product: string): (c: CustomerReport) => number {
  return (c) => licenseSums(productsNamed(c, product)).sold ?? 0;
}

/** Whether a product's or offer's name has every word wanted, whole or as the start of a word of three letters or more. */
function hasWords(name: string, wanted: readonly string[]): boolean {
  if (wanted.length === 0) return false;
  const have = words(name);
  return wanted.every((w) => have.some((h) => h === w || (w.length >= 3 && h.startsWith(w))));
}

/** The customers' product rows by product name, case aside, each name as first spelled. */
function byProductName(customers: readonly CustomerReport[]): { product: string; rows: ProductAdoption[] }[] {
  const byLower = new Map<string, { product: string; rows: ProductAdoption[] }>();
  for (const c of customers) {
    for (const p of c.products) {
      const key = p.product.toLowerCase();
      const seen = byLower.get(key);
      if (seen) seen.rows.push(p);
      else byLower.set(key, { product: p.product, rows: [p] });
    }
  }
  return [...byLower.values()];
}

/** Every product name the customers have, each once (as first spelled), in alphabetical order. */
export function productNames(customers: readonly CustomerReport[]): string[] {
  return byProductName(customers)
    .map((g) => g.product)
    .sort((a, b) => a.localeCompare(b));
}

/** Licenses sold and assigned over some product rows, counting the rows that count them; null when none does. */
export interface LicenseSums {
  readonly sold: number | null;
  readonly assigned: number | null;
  readonly deploymentPercent: number | null;
}

export function licenseSums(products: readonly ProductAdoption[]): LicenseSums {
  let sold: number | null = null;
  let assigned: number | null = null;
  for (const p of products) {
    if (p.sold === null || p.assigned === null) continue;
    sold = (sold ?? 0) + p.sold;
    assigned = (assigned ?? 0) + p.assigned;
  }
  return { sold, assigned, deploymentPercent: sold === null || assigned === null ? null : percent(assigned, sold) };
}

export interface UsageSums {
  readonly active: number;
  readonly entitled: number;
  readonly usagePercent: number | null;
}

/** Active of entitled over the products' workloads that count entitlements: the usage of those products. */
export function usageSums(products: readonly ProductAdoption[]): UsageSums {
  let active = 0;
  let entitled = 0;
  for (const w of products.flatMap((p) => p.workloads)) {
    if (w.entitled === null) continue;
    active += w.active;
    entitled += w.entitled;
  }
  return { active, entitled, usagePercent: percent(active, entitled) };
}

/** One product over the customers that have it: its licenses, and its usage over its workloads. */
export interface ProductTotal extends LicenseSums, UsageSums {
  /** As first spelled (Partner Center and Graph spell one product in capitals or not). */
  readonly product: string;
  readonly customers: number;
}

/** How products are listed: the most licenses sold first, or by one of the two numbers. */
export type ProductOrder = { readonly by: 'sold' } | { readonly by: 'deployment' | 'usage'; readonly order: RankOrder };

export const MOST_SOLD: ProductOrder = { by: 'sold' };

/** The number a product is ordered by; null (last) when it has none. */
function orderValue(t: ProductTotal, by: ProductOrder['by']): number | null {
  return by === 'sold' ? t.sold : by === 'deployment' ? t.deploymentPercent : t.usagePercent;
}

/**
 * Each product name (case aside) over the customers: the most licenses sold first, or the lowest
 * (highest) deployment or usage first; those without the number last, then by name.
 */
export function productTotals(customers: readonly CustomerReport[], order: ProductOrder = MOST_SOLD): ProductTotal[] {
  const descending = order.by === 'sold' || order.order === 'highest';
  return byProductName(customers)
    .map(({ product, rows }) => ({ product, customers: rows.length, ...licenseSums(rows), ...usageSums(rows) }))
    .sort(
      byNumberThenName(
        (t) => orderValue(t, order.by),
        (t) => t.product,
        descending,
      ),
    );
}

/** What customers can be asked to be without: a product named like some words, or a workload. */
export type Lacking =
  | { readonly kind: 'product'; readonly words: string }
  | { readonly kind: 'workload'; readonly workload: string }
  /** No figures at all for one of the two numbers (or for either): nothing imported or synced that counts it. */
  | { readonly kind: 'figures'; readonly measure: 'deployment' | 'usage' | 'either' };

/** "usage data", "deployment figures", "usage numbers": the number itself, not a product; "data" alone: either number. */
const FIGURES = /^(?:(deployment|usage)(?: (?:data|figures|numbers|reports?|analytics))?|(?:any )?(?:data|figures|numbers))$/i;

/**
 * A workload's name ("Teams", "OneDrive") asks for its entitlements; "usage data" or "deployment
 * figures" for that number; other words for a product's name.
 */
export function lackingNamed(words: string): Lacking {
  const figures = FIGURES.exec(words.trim());
  if (figures) {
    const measure = figures[1]?.toLowerCase();
    return { kind: 'figures', measure: measure === 'deployment' || measure === 'usage' ? measure : 'either' };
  }
  const workload = workloadNamed(words);
  return workload === null ? { kind: 'product', words } : { kind: 'workload', workload };
}

/** What a customer without it lacks, in words: "a product named like "E3"", "Teams entitlements", "usage figures". */
export function lackedText(lacking: Lacking): string {
  switch (lacking.kind) {
    case 'product':
      return `a product named like "${lacking.words}"`;
    case 'workload':
      return `${lacking.workload} entitlements`;
    case 'figures':
      return lacking.measure === 'either' ? 'deployment or usage figures' : `${lacking.measure} figures`;
  }
}

/** Whether the customer lacks it: no product named so, no entitlement to the workload, or no figures for the number. */
function lacks(c: CustomerReport, lacking: Lacking): boolean {
  switch (lacking.kind) {
    case 'product':
      return productsNamed(c, lacking.words).length === 0;
    case 'workload':
      return (workloadTotal(c, lacking.workload)?.entitled ?? 0) === 0;
    case 'figures':
      switch (lacking.measure) {
        case 'deployment':
          return c.deploymentPercent === null;
        case 'usage':
          return c.usagePercent === null;
        case 'either':
          return c.deploymentPercent === null && c.usagePercent === null;
      }
  }
}

/**
 * The customers without a product named like the words (productsNamed), or without any
 * entitlement to the workload counted by a source; the most licenses sold first (the largest to
 * offer it to), customers with as many in the order given.
 */
export function customersWithout(customers: readonly CustomerReport[], lacking: Lacking): CustomerReport[] {
  return largestFirst(customers.filter((c) => lacks(c, lacking)));
}
