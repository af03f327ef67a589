/** Milliseconds in a day; dates here are UTC calendar days, so days are always this long. */
export const DAY_MS = 86_400_000;
