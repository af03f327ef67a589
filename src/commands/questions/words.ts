import type { SeatFilter } from '../../metrics/size.js';

/** Pieces every question reader shares: the text's own case, a match's captured words, spans of time, counts. */

/** The part of the original text a lower-cased match stands for, so names keep their case. */
export function originalCase(text: string, lowered: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const at = flat.toLowerCase().lastIndexOf(lowered);
  return at < 0 ? lowered : flat.slice(at, at + lowered.length);
}

/** What the alternative that matched captured: the first group with a value. */
export function firstGroup(match: RegExpExecArray | null): string | undefined {
  return match?.slice(1).find((group) => group !== undefined);
}

/** Days in each unit of a span people name ("in the next 3 months", "since last week"). */
export const SPAN_UNIT_DAYS: Readonly<Record<string, number>> = { day: 1, week: 7, month: 30, quarter: 90, year: 365 };

/** A count as typed: "100", "1,000". */
export const countOf = (digits: string): number => Number(digits.replaceAll(',', ''));

/** "more than 100 seats", "under 20 licenses": the side its words say, and the count. */
export function seatFilterOf(side: string, digits: string): SeatFilter {
  return { side: /^(?:more|over|above)/.test(side) ? 'above' : 'below', count: countOf(digits) };
}
