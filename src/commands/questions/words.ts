import type { CountBound } from '../../metrics/count-bound.js';
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

/** The words a bound on a whole count starts with, captured: "more than", "at least", "under", "at most". */
export const COUNT_SIDE = String.raw`(more than|over|above|at least|fewer than|less than|under|below|at most)`;

/** "more than 100 seats", "at least 100", "under 20 licenses": the side its words say, whether the count is in, and the count. */
export function countBoundOf(side: string, digits: string): CountBound {
  return {
    side: /^(?:more|over|above|at least)/.test(side) ? 'above' : 'below',
    count: countOf(digits),
    inclusive: side.startsWith('at '),
  };
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
 * The inclusive bounds on whole counts, said one way for the questions that read them: "3 or
 * more ..." and "no fewer than 3 ..." are "at least 3 ...", "50 or fewer seats" and "up to 50
 * seats" are "at most 50 seats".
 */
export function countBoundsInWords(said: string): string {
  return said
    .replace(AT_LEAST, (_, a?: string, b?: string) => `at least ${a ?? b!} `)
    .replace(AT_MOST, (_, a?: string, b?: string) => `at most ${a ?? b!} `);
}
