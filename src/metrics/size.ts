import { withinBound, type CountBound } from './count-bound.js';
import type { CustomerReport } from './report-types.js';

/** Customers by how many licenses they bought: the largest accounts first, or the smallest. */
export type SizeOrder = 'largest' | 'smallest';

/** "more than 100 seats", "at least 100 seats", "fewer than 20 licenses", "at most 20": licenses sold, bounded. */
export type SeatFilter = CountBound;

/** What "biggest customers" and "customers with more than 100 seats" ask. */
export interface SizeQuestion {
  readonly order: SizeOrder;
  readonly seats: SeatFilter | null;
}

/** The most licenses sold first (all of them, or as `sold` counts them); customers with as many keep the order given. */
export function largestFirst<C extends Pick<CustomerReport, 'sold'>>(customers: readonly C[], sold: (c: C) => number = (c) => c.sold): C[] {
  // Counted once each: a product's licenses are summed over its rows.
  return customers
    .map((c) => ({ c, sold: sold(c) }))
    .sort((a, b) => b.sold - a.sold)
    .map(({ c }) => c);
}

/**
 * The customers with licenses sold (a customer known from usage reports alone has no count and is
 * left out), within the seat filter, the most licenses first (or the fewest), then by name.
 * `sold` counts them: all the customer's licenses, or one product's ("biggest E3 customers").
 */
export function bySize(
  customers: readonly CustomerReport[],
  { order, seats }: SizeQuestion,
  sold: (c: CustomerReport) => number = (c) => c.sold,
): CustomerReport[] {
  return customers
    .map((c) => ({ c, sold: sold(c) }))
    .filter((s) => s.sold > 0 && (seats === null || withinBound(s.sold, seats)))
    .sort((a, b) => (order === 'largest' ? b.sold - a.sold : a.sold - b.sold) || a.c.customer.localeCompare(b.c.customer))
    .map((s) => s.c);
}
