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
