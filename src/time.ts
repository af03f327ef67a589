/** Milliseconds in a day; dates here are UTC calendar days, so days are always this long. */
export const DAY_MS = 86_400_000;

/** Whole calendar days from one day to another (ISO dates or date-times); negative when `to` is before `from`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to.slice(0, 10)) - Date.parse(from.slice(0, 10))) / DAY_MS);
}

/** The calendar day (YYYY-MM-DD) so many days after a day (before it, for a negative count). */
export function dayAfter(day: string, days: number): string {
  return new Date(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
