import type { CustomerReport } from './report-types.js';

/** Compares names as String.prototype.localeCompare does, with the collator built once. */
export const byName = new Intl.Collator().compare;

/**
 * Orders rows by a number, ascending or descending, rows without it last; ties and rows without it
 * by name.
 */
export function byNumberThenName<T>(
  value: (row: T) => number | null,
  name: (row: T) => string,
  descending: boolean,
): (a: T, b: T) => number {
  return (a, b) => {
    const [x, y] = [value(a), value(b)];
    if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0) || byName(name(a), name(b));
    return (descending ? y - x : x - y) || byName(name(a), name(b));
  };
}

/** Customers A to Z by name; customers named alike keep the order given. */
export function alphabetical<C extends Pick<CustomerReport, 'customer'>>(customers: readonly C[]): C[] {
  return [...customers].sort((a, b) => byName(a.customer, b.customer));
}
