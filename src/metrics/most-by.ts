import type { CountBound } from './count-bound.js';

/**
 * "who has the most unassigned licenses?" (any), "more than 50" or "at least 50" (above), "the top
 * 10" (top): which customers of a "most" list are asked for.
 */
export interface MostQuestion {
  /** Only customers with more than (or at least) so many; null: any at all. */
  readonly above: CountBound<'above'> | null;
  /** Only the first so many; null: every one. */
  readonly top: number | null;
}

/**
 * The customers whose `count` is over `above`, the most first, then the most `then`, then by name:
 * the order of every "who has the most ..." list.
 */
export function mostBy<C extends { readonly customer: string }>(
  customers: readonly C[],
  count: (c: C) => number,
  then: (c: C) => number,
  above: number,
): C[] {
  return customers
    .filter((c) => count(c) > above)
    .sort((a, b) => count(b) - count(a) || then(b) - then(a) || a.customer.localeCompare(b.customer));
}
