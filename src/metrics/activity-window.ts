import { dayAfter } from '../time.js';
/**
 * "Active" means used in the last 28 days: the 28 calendar days ending on the report's refresh
 * date, both ends inclusive. Dates are calendar dates (YYYY-MM-DD), compared as text.
 */
export const ACTIVITY_WINDOW_DAYS = 28;

const windowStarts = new Map<string, string>();

/** The first day of the window that ends on `refreshDate`. */
export function windowStart(refreshDate: string): string {
  let start = windowStarts.get(refreshDate);
  if (start === undefined) {
    start = dayAfter(refreshDate, -(ACTIVITY_WINDOW_DAYS - 1));
    windowStarts.set(refreshDate, start);
  }
  return start;
}

export function isInWindow(day: string | null, refreshDate: string): boolean {
  return day !== null && day <= refreshDate && day >= windowStart(refreshDate);
}
