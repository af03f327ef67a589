import { inactiveEntitlements, unassignedLicenses, type LicenseCounts } from '../metrics/unassigned.js';
import { daysUntil } from '../metrics/renewals.js';
import type { Renewal, SubscriptionStart } from '../metrics/report-types.js';
import type { CountBound } from '../metrics/count-bound.js';
import type { SeatFilter, SizeOrder } from '../metrics/size.js';

/**
 * Text that comes from data (customer and product names, messages quoting them) goes into cards
 * only through TextRun, which renders no markdown; these helpers bound its length and defuse the
 * one syntax TextRun still reads, the {{DATE(...)}} / {{TIME(...)}} functions.
 */
export function plain(value: string, max = 200): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  const bounded = flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
  return bounded.replaceAll('{{', '{\u200B{');
}

/** Names in buttons and list rows. */
export const name = (value: string): string => plain(value, 80);

const numbers = new Intl.NumberFormat('en-US');

export function count(value: number): string {
  return numbers.format(value);
}

/** "more than 100", "at least 100", "fewer than 1,000", "at most 20": a bound on a count, as it was asked. */
export function boundText(bound: CountBound): string {
  const words = bound.inclusive ? (bound.side === 'above' ? 'at least' : 'at most') : bound.side === 'above' ? 'more than' : 'fewer than';
  return `${words} ${count(bound.count)}`;
}

/** "more than 100 licenses sold", "at least 300 licenses sold", "more than 100 E3 licenses sold". */
export function seatsText(seats: SeatFilter, product: string | null = null): string {
  return `${boundText(seats)} ${product === null ? '' : `${product} `}licenses sold`;
}

/** "usage" -> "Usage": words that open a sentence. */
export function capitalized(words: string): string {
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

/** "1 customer", "1,200 customers". */
export function customersText(n: number): string {
  return `${count(n)} customer${n === 1 ? '' : 's'}`;
}

/** "285 of 300 licenses assigned"; with no percent (nothing sold) there is nothing to count yet. */
export function licensesText(assigned: number, sold: number, percent: number | null): string {
  return percent === null ? 'no license counts yet' : `${count(assigned)} of ${count(sold)} licenses assigned`;
}

/** "761 of 855 entitlements active"; with no percent (no entitlements) there is nothing to count yet. */
export function entitlementsText(active: number, entitled: number, percent: number | null): string {
  return percent === null ? 'no entitlements counted yet' : `${count(active)} of ${count(entitled)} entitlements active`;
}

/** "95% (285 of 300 licenses assigned)": deployment with its counts. */
export function deploymentCounted(assigned: number, sold: number, percent: number | null): string {
  return `${percentText(percent)} (${licensesText(assigned, sold, percent)})`;
}

/** "89% (761 of 855 entitlements active)": usage with its counts. */
export function usageCounted(active: number, entitled: number, percent: number | null): string {
  return `${percentText(percent)} (${entitlementsText(active, entitled, percent)})`;
}

/** "60 of 100 licenses unassigned". */
export function unassignedText(c: LicenseCounts): string {
  return `${count(unassignedLicenses(c))} of ${count(c.sold)} licenses unassigned`;
}

/** "15 unassigned", or "5 more assigned than sold" when a license was assigned beyond those sold (never "0"). */
export function spareText(sold: number, assigned: number): string {
  const spare = unassignedLicenses({ sold, assigned });
  return spare >= 0 ? `${count(spare)} unassigned` : `${count(-spare)} more assigned than sold`;
}

/** "75 of 120 entitlements inactive"; empty when everyone entitled was active (or more were). */
export function inactiveText(c: LicenseCounts): string {
  const inactive = inactiveEntitlements(c);
  return inactive > 0 ? `${count(inactive)} of ${count(c.entitled)} entitlements inactive` : '';
}

export function percentText(value: number | null): string {
  return value === null ? '—' : `${value}%`;
}

export function day(iso: string | null): string {
  return iso === null ? 'unknown' : iso.slice(0, 10);
}

/** "in 59 days", "tomorrow", "today"; "59 days ago" once past. */
export function fromToday(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  return days > 0 ? `in ${count(days)} days` : `${count(-days)} days ago`;
}

/**
 * "Office 365 E3: 100 seats renew 2026-12-25, in 30 days"; "... end ..., (auto-renew off)" when it
 * will lapse; "Teams Premium Trial: 5-seat trial ends 2026-12-10, in 15 days (auto-renew on)".
 */
export function renewalText(r: Renewal, today: string): string {
  const when = `${r.renewsOn.slice(0, 10)}, ${fromToday(daysUntil(r, today))}`;
  if (r.trial) {
    const autoRenew = r.autoRenew === null ? '' : ` (auto-renew ${r.autoRenew ? 'on' : 'off'})`;
    return `${r.offer}: ${count(r.seats)}-seat trial ends ${when}${autoRenew}`;
  }
  const lapses = r.autoRenew === false;
  return `${r.offer}: ${count(r.seats)} seats ${lapses ? 'end' : 'renew'} ${when}${lapses ? ' (auto-renew off)' : ''}`;
}

/** What a renewal is called on a line of its own: a trial's end, a term ending with auto-renew off, or a renewal. */
export function renewalLabel(r: Renewal): string {
  if (r.trial) return 'Trial end';
  return r.autoRenew === false ? 'Term end' : 'Renewal';
}

/** A renewal as a line of its own: "Renewal: …", "Trial end: …", "Term end: …". */
export function renewalLine(r: Renewal, today: string): string {
  return `${renewalLabel(r)}: ${renewalText(r, today)}`;
}

/** "3 " before a superlative, nothing for one: "the 3 largest", "the largest". */
export function few(n: number): string {
  return n === 1 ? '' : `${count(n)} `;
}

/** "Office 365 E3 (trial), 25 seats, 2026-11-05"; a trial named so already is not said twice. */
export function startText(s: SubscriptionStart): string {
  const trial = s.trial && !/\btrial\b/i.test(s.offer) ? ' (trial)' : '';
  return `${s.offer}${trial}, ${count(s.seats)} seat${s.seats === 1 ? '' : 's'}, ${day(s.createdOn)}`;
}

/** "1 day", "30 days". */
export function daysText(days: number): string {
  return `${count(days)} day${days === 1 ? '' : 's'}`;
}

/** " By product: E3: 30 of 40 · Business Premium: 10 of 20." when more than one product has a part; empty otherwise. */
export function byProduct(parts: readonly string[]): string {
  return parts.length > 1 ? ` By product: ${parts.join(' · ')}.` : '';
}

/** How a list in order of licenses sold says its order. */
export const SIZE_ORDER_TEXT: Readonly<Record<SizeOrder, string>> = { largest: 'most licenses first', smallest: 'fewest licenses first' };
