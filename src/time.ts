/** Milliseconds in a day; dates here are UTC calendar days, so days are always this long. */
export const DAY_MS = 86_400_000;

/** The calendar day (YYYY-MM-DD) so many days after a day (before it, for a negative count). */
export function dayAfter(day: string, days: number): string {
  return new Date(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
