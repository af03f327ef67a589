import type { SeatFilter } from '../../metrics/size.js';
import { typedSpan } from './number-words.js';

/** Pieces every question reader shares: the text's own case, a match's captured words, spans of time, counts. */

/**
 * The part of the original text a lower-cased match stands for, so names keep their case (and
 * their number words: "Three Days Grace", read as "3 days grace").
 */
export function originalCase(text: string, lowered: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const at = flat.toLowerCase().replaceAll('’', "'").lastIndexOf(lowered);
  return at < 0 ? (typedSpan(flat, lowered) ?? lowered) : flat.slice(at, at + lowered.length);
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

/** What is counted in whole numbers: seats, licenses, users, service requests. */
const COUNTED = String.raw`(?:(?:unassigned|unused|idle|spare|free|inactive|dormant|open) )?(?:seats?|licen[cs]es?|users?|people|entitlements|(?:support |service )?(?:requests?|tickets?|cases?|calls?))\b`;
const DIGITS = String.raw`(\d{1,3}(?:,\d{3})+|\d{1,6})`;
const AT_LEAST = new RegExp(
  String.raw`\b(?:at least|no (?:fewer|less) than|not (?:fewer|less) than) ${DIGITS} (?=${COUNTED})|\b${DIGITS} or more (?=${COUNTED})`,
  'g',
);
const AT_MOST = new RegExp(
  String.raw`\b(?:at most|no more than|not more than|up to) ${DIGITS} (?=${COUNTED})|\b${DIGITS} or (?:fewer|less) (?=${COUNTED})`,
  'g',
);

/**
 * Whole counts are compared strictly by every question that reads them ("more than 2 service
 * requests", "fewer than 51 seats"): "at least 3 ..." and "3 or more ..." are "more than 2 ...",
 * "at most 50 seats" and "50 or fewer seats" are "fewer than 51 seats".
 */
export function countBoundsAsStrict(said: string): string {
  return said
    .replace(AT_LEAST, (_, a?: string, b?: string) => `more than ${countOf(a ?? b!) - 1} `)
    .replace(AT_MOST, (_, a?: string, b?: string) => `fewer than ${countOf(a ?? b!) + 1} `);
}
