import { mostBy } from './most-by.js';
import type { CustomerReport } from './report-types.js';

/** The counts these read, from a customer's report. */
export type LicenseCounts = Pick<CustomerReport, 'customer' | 'sold' | 'assigned' | 'active' | 'entitled'>;

/** Licenses sold and assigned to nobody: what the customer pays for and no one can use. */
export function unassignedLicenses(c: LicenseCounts): number {
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
