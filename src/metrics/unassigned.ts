import { mostBy, type MostQuestion } from './most-by.js';
import { licenseSums, productsNamed, usageSums } from './products.js';
import type { CustomerReport } from './report-types.js';

/** The counts these read, from a customer's report. */
export type LicenseCounts = Pick<CustomerReport, 'customer' | 'sold' | 'assigned' | 'active' | 'entitled'>;

/** Licenses sold and assigned to nobody: what the customer pays for and no one can use. */
export function unassignedLicenses(c: Pick<LicenseCounts, 'sold' | 'assigned'>): number {
  return c.sold - c.assigned;
}

/** Entitlements nobody used in the last 28 days; negative when more people were active than entitled. */
export function inactiveEntitlements(c: LicenseCounts): number {
  return c.entitled - c.active;
}

/**
 * The customers with more than `above` licenses sold and not assigned (any, by default), the most
 * first (counts, not shares: a thousand idle seats cost more than nine), then the most inactive
 * entitlements, then by name.
 */
export function mostUnassigned<C extends LicenseCounts>(customers: readonly C[], above = 0): C[] {
  return mostBy(customers, unassignedLicenses, inactiveEntitlements, above);
}

/**
 * The customers with more than `above` entitlements nobody used in the last 28 days (any, by
 * default), the most first, then the most unassigned licenses, then by name.
 */
export function mostInactive<C extends LicenseCounts>(customers: readonly C[], above = 0): C[] {
  return mostBy(customers, inactiveEntitlements, unassignedLicenses, above);
}

/** "who has the most unused E3 licenses?": a "most" question about licenses, of the products named so, or of all (null). */
export interface IdleQuestion extends MostQuestion {
  readonly product: string | null;
}

/**
 * A customer's counts over its products named like the words (productsNamed): licenses from the
 * rows that count them, entitlements from their workloads; null when it has no such product.
 */
export function productCounts(c: CustomerReport, product: string): LicenseCounts | null {
  const products = productsNamed(c, product);
  if (products.length === 0) return null;
  const { sold, assigned } = licenseSums(products);
  const { active, entitled } = usageSums(products);
  return { customer: c.customer, sold: sold ?? 0, assigned: assigned ?? 0, active, entitled };
}

/** mostUnassigned or mostInactive over the customers' products named so; customers without one are left out. */
export function mostOf(
  customers: readonly CustomerReport[],
  most: <C extends LicenseCounts>(customers: readonly C[], above?: number) => C[],
  product: string | null,
  above = 0,
): CustomerReport[] {
  if (product === null) return most(customers, above);
  const counted = customers.flatMap((report) => {
    const counts = productCounts(report, product);
    return counts === null ? [] : [{ ...counts, report }];
  });
  return most(counted, above).map((c) => c.report);
}
