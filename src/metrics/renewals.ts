import type { SubscriptionRecord } from '../data/records.js';
import { DAY_MS, daysBetween } from '../time.js';
import { preferredSource } from './preferred-source.js';
import type { CustomerReport, Renewal } from './report-types.js';

/** How far ahead "who renews soon?" looks unless asked otherwise. */
export const RENEWAL_DAYS = 90;

/**
 * Which ends of term a question is about: every one, only trials' (the ones to convert), only
 * those set to lapse (auto-renew off: the seats go unless someone acts), or those at risk: every one
 * of a customer whose deployment or usage is under its threshold (fewer seats likely kept), and
 * every one set to lapse (what renewal alerts watch).
 */
export type RenewalScope = 'all' | 'trials' | 'lapsing' | 'at-risk';

/** Whether a renewal is in the scope, for a customer under a threshold (low) or not. */
const IN_SCOPE: Readonly<Record<RenewalScope, (r: Renewal, low: boolean) => boolean>> = {
  all: () => true,
  trials: (r) => r.trial,
  lapsing: (r) => r.autoRenew === false,
  'at-risk': (r, low) => low || r.autoRenew === false,
};

/**
 * The customer's live subscriptions with a known end of term, trials included (marked), soonest
 * first, from one source (Partner Center before Graph, which names the same subscriptions differently).
 */
export function renewalsOf(subscriptions: readonly SubscriptionRecord[]): Renewal[] {
  const source = preferredSource(subscriptions);
  return subscriptions
    .flatMap((s) =>
      s.source !== source || s.renewsOn === undefined || s.status !== 'active'
        ? []
        : [{ offer: s.offerName, seats: s.quantity, renewsOn: s.renewsOn, autoRenew: s.autoRenew ?? null, trial: s.isTrial }],
    )
    .sort((a, b) => a.renewsOn.localeCompare(b.renewsOn));
}

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** The month (1-12) a name says, case aside ("december"); 0 when it names none. */
export const monthNumber = (name: string): number => MONTH_NAMES.findIndex((m) => m.toLowerCase() === name.trim().toLowerCase()) + 1;

/** The months a calendar span covers: one ("December"), or a calendar quarter ("Q1": January to March). */
export type SpanMonths = 1 | 3;

/**
 * Calendar months named (their next occurrence): a month or a quarter from its first month (1-12;
 * a quarter's is 1, 4, 7 or 10), the whole of it ("in December", "in Q1") or from today to its end
 * ("by the end of December", "by the end of Q1").
 */
export interface CalendarSpan {
  readonly first: number;
  readonly months: SpanMonths;
  readonly whole: boolean;
}

/** So many days ahead, or a month or quarter named: what the CLI's --renewing takes. */
export type FixedSpan = { readonly days: number } | CalendarSpan;

/**
 * How far ahead a renewal question looks: a fixed span, or the calendar month or quarter so many
 * from today's ("this month", "this quarter": 0, to its end; "next month", "next quarter": 1, the
 * whole of it).
 */
export type RenewalSpan = FixedSpan | { readonly fromNow: 0 | 1; readonly months: SpanMonths };

/** The quarter (1-4) a month (1-12) falls in. */
const quarterOf = (month: number): number => Math.ceil(month / 3);

/** "December", "Q1": what a calendar span is called. */
export function calendarName(span: CalendarSpan): string {
  return span.months === 3 ? `Q${quarterOf(span.first)}` : MONTH_NAMES[span.first - 1]!;
}

/** The quarter ("q1".."q4", case aside) a word names, as a span of its months; null when it names none. */
export function quarterNamed(word: string, whole: boolean): CalendarSpan | null {
  const quarter = /^q([1-4])$/i.exec(word.trim());
  return quarter ? { first: Number(quarter[1]) * 3 - 2, months: 3, whole } : null;
}

/** The calendar months a span names, those of "this month" and "next quarter" read from today (ISO). */
export function calendarOf(span: Exclude<RenewalSpan, { readonly days: number }>, today: string): CalendarSpan {
  if ('first' in span) return span;
  const month = Number(today.slice(5, 7));
  const current = span.months === 3 ? quarterOf(month) * 3 - 2 : month;
  return span.fromNow === 0
    ? { first: current, months: span.months, whole: false }
    : { first: ((current - 1 + span.months) % 12) + 1, months: span.months, whole: true };
}

/** The days a renewal question covers, counted from today: from the one to the other, both included. */
export interface RenewalWindow {
  readonly from: number;
  readonly to: number;
}

/** From today to so many days ahead. */
export const daysAhead = (days: number): RenewalWindow => ({ from: 0, to: days });

/**
 * The days of the span from today (ISO): a month or quarter is this year's or, once past, next
 * year's, and runs to its last day; the whole of it from its first day (today, when it has begun).
 */
export function windowOf(asked: RenewalSpan, today: string): RenewalWindow {
  if ('days' in asked) return daysAhead(asked.days);
  const span = calendarOf(asked, today);
  const last = span.first + span.months - 1;
  const from = new Date(`${today.slice(0, 10)}T00:00:00Z`);
  const year = from.getUTCFullYear() + (last < from.getUTCMonth() + 1 ? 1 : 0);
  const daysTo = (date: number): number => Math.round((date - from.getTime()) / DAY_MS);
  // Day 0 of the next month is the last day of this one.
  const to = daysTo(Date.UTC(year, last, 0));
  return { from: span.whole ? Math.max(0, daysTo(Date.UTC(year, span.first - 1, 1))) : 0, to };
}

/** Whole days from today (an ISO date-time) to the renewal's day; negative once it is past. */
export function daysUntil(renewal: Renewal, today: string): number {
  return daysBetween(today, renewal.renewsOn);
}

/** The customer's renewals from today on, soonest first. */
export function upcomingRenewals(customer: CustomerReport, today: string): Renewal[] {
  return customer.renewals.filter((r) => daysUntil(r, today) >= 0);
}

/**
 * The customer's renewals in the scope on the days of the window; `low`: whether its deployment or
 * usage is under its threshold, which 'at-risk' reads.
 */
export function renewalsWithin(
  customer: CustomerReport,
  today: string,
  window: RenewalWindow,
  scope: RenewalScope = 'all',
  low = false,
): Renewal[] {
  return customer.renewals.filter((r) => {
    const days = daysUntil(r, today);
    return days >= window.from && days <= window.to && IN_SCOPE[scope](r, low);
  });
}

/** Customers with a renewal in the scope on the days of the window, the soonest first; `isLow` as `low` above. */
export function renewing(
  customers: readonly CustomerReport[],
  today: string,
  window: RenewalWindow,
  scope: RenewalScope = 'all',
  isLow: (c: CustomerReport) => boolean = () => false,
): CustomerReport[] {
  return customers
    .flatMap((c) => {
      const [soonest] = renewalsWithin(c, today, window, scope, isLow(c));
      return soonest === undefined ? [] : [{ c, on: soonest.renewsOn }];
    })
    .sort((a, b) => a.on.localeCompare(b.on))
    .map(({ c }) => c);
}
