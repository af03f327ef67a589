import { productsNamed } from './products.js';
import type { CustomerReport } from './report-types.js';
import type { SeatFilter } from './size.js';

/**
 * The customers a question is about before its numbers, and in what order: "E3 customers below
 * 50%" (a product), "usage under 50% and more than 100 seats" (a size), "biggest customers with low
 * usage" (the most licenses first).
 */
export interface Among {
  readonly product: string | null;
  readonly seats: SeatFilter | null;
  readonly largestFirst: boolean;
}

/** The most licenses sold first; customers with as many keep the order given. */
export function largestFirst<C extends Pick<CustomerReport, 'sold'>>(customers: readonly C[]): C[] {
  return [...customers].sort((a, b) => b.sold - a.sold);
}

/** Whether a customer with this many licenses sold is within the seat filter (strictly, as percents are). */
export function withinSeats(sold: number, seats: SeatFilter): boolean {
  return seats.side === 'above' ? sold > seats.count : sold < seats.count;
}

/** A customer with a product named like the words asked (productsNamed) and licenses sold within the filter. */
export function isAmong(c: CustomerReport, among: Among): boolean {
  if (among.product !== null && productsNamed(c, among.product).length === 0) return false;
  return among.seats === null || (c.sold > 0 && withinSeats(c.sold, among.seats));
}
