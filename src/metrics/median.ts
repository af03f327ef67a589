import { measuredPercent, type RankedMeasure } from './percent-filter.js';
import type { CustomerReport } from './report-types.js';

/**
 * The median customer's percent of a number, rounded to one decimal (the mean of the two middle
 * ones when the count is even); null when no customer has it. Beside the portfolio's sum over sum,
 * where large customers weigh most, it says what a typical customer sees.
 */
export function medianPercent(customers: readonly CustomerReport[], measure: RankedMeasure): number | null {
  return medianOf(customers.map((c) => measuredPercent(c, measure)));
}

/** The median of percents with one decimal, the nulls left out; null when none is left. */
export function medianOf(percents: readonly (number | null)[]): number | null {
  // Tenths as integers: the percents have one decimal, and the mean of the middle two is rounded once.
  const tenths: number[] = [];
  for (const value of percents) if (value !== null) tenths.push(Math.round(value * 10));
  if (tenths.length === 0) return null;
  tenths.sort((a, b) => a - b);
  const middle = tenths.length >> 1;
  const median = tenths.length % 2 === 1 ? tenths[middle]! : Math.round((tenths[middle - 1]! + tenths[middle]!) / 2);
  return median / 10;
}
