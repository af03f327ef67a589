import { withinSeats } from './among.js';
import type { CustomerReport } from './report-types.js';

/** Customers by how many licenses they bought: the largest accounts first, or the smallest. */
export type SizeOrder = 'largest' | 'smallest';

/** "more than 100 seats", "fewer than 20 licenses": compared strictly, as percents are. */
export interface SeatFilter {
  readonly side: 'above' | 'below';
  readonly count: number;
}

/** What "biggest customers" and "customers with more than 100 seats" ask. */
export interface SizeQuestion {
  readonly order: SizeOrder;
  readonly seats: SeatFilter | null;
}

/**
 * The customers with licenses sold (a customer known from usage reports alone has no count and is
 * left out), within the seat filter, the most licenses first (or the fewest), then by name.
 */
export function bySize(customers: readonly CustomerReport[], { order, seats }: SizeQuestion): CustomerReport[] {
  return customers
    .filter((c) => c.sold > 0 && (seats === null || withinSeats(c.sold, seats)))
    .sort((a, b) => (order === 'largest' ? b.sold - a.sold : a.sold - b.sold) || a.customer.localeCompare(b.customer));
}
