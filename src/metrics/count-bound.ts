/**
 * A bound on a whole count as it was said: "more than 100" or "at least 100" (inclusive) above it,
 * "fewer than 20" or "at most 20" (inclusive) below it. Licenses, users and requests are counted
 * in whole numbers, so either way of saying it picks the same customers; the answer says it the
 * way it was asked.
 */
export interface CountBound<Side extends 'above' | 'below' = 'above' | 'below'> {
  readonly side: Side;
  readonly count: number;
  readonly inclusive: boolean;
}

/** Whether a count is within the bound. */
export function withinBound(n: number, bound: CountBound): boolean {
  if (bound.inclusive && n === bound.count) return true;
  return bound.side === 'above' ? n > bound.count : n < bound.count;
}

/** The count a bound above keeps customers strictly over: "at least 5" keeps those over 4. */
export function strictlyOver(bound: CountBound<'above'>): number {
  return bound.inclusive ? bound.count - 1 : bound.count;
}
