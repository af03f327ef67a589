import type { CustomerReport } from './report-types.js';

/** Compares names as String.prototype.localeCompare does, with the collator built once. */
export const byName = new Intl.Collator().compare;

/** Customers A to Z by name; customers named alike keep the order given. */
export function alphabetical<C extends Pick<CustomerReport, 'customer'>>(customers: readonly C[]): C[] {
  return [...customers].sort((a, b) => byName(a.customer, b.customer));
}
