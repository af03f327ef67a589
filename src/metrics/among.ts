import { findingOf } from './findings.js';
import { productsNamed, soldOf } from './products.js';
import type { CustomerReport, FindingCode } from './report-types.js';
import { withinBound } from './count-bound.js';
import type { SeatFilter, SizeOrder } from './size.js';

/**
 * The customers a question is about before its numbers, and in what order: "E3 customers below
 * 50%" (a product), "usage under 50% and more than 100 seats" (a size), "customers with trials and
 * low usage" (a flag or recommendation), "biggest customers with low usage" (the most licenses
 * first), "small customers with low adoption" (the fewest first).
 */
export interface Among {
  readonly product: string | null;
  readonly seats: SeatFilter | null;
  readonly finding: FindingCode | null;
  /** In order of licenses sold; null keeps the question's own order. */
  readonly size: SizeOrder | null;
}

/**
 * A customer with a product named like the words asked (productsNamed), licenses sold within the
 * filter (of that product, when one is named: "E3 customers with more than 100 seats"), and the finding.
 */
export function isAmong(c: CustomerReport, among: Among): boolean {
  if (among.product !== null && productsNamed(c, among.product).length === 0) return false;
  if (among.finding !== null && findingOf(c, among.finding) === undefined) return false;
  if (among.seats === null) return true;
  const sold = among.product === null ? c.sold : soldOf(among.product)(c);
  return sold > 0 && withinBound(sold, among.seats);
}
