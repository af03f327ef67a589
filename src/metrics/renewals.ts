import type { SubscriptionRecord } from '../data/records.js';
import { DAY_MS } from '../time.js';
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

/** A month (1-12, its next occurrence), the whole of it ("in December") or from today to its end ("by the end of December"). */
export interface MonthSpan {
  readonly month: number;
  readonly whole: boolean;
}

/** So many days ahead, or a month named: what the CLI's --renewing takes. */
export type FixedSpan = { readonly days: number } | MonthSpan;

/**
 * How far ahead a renewal question looks: a fixed span, or the calendar month so many from
 * today's ("this month": 0, to its end; "next month": 1, the whole of it).
 */
export type RenewalSpan = FixedSpan | { readonly monthsFromNow: 0 | 1 };

/** The month a span names, the one of "this month" and "next month" read from today (ISO). */
export function monthOf(span: Exclude<RenewalSpan, { readonly days: number }>, today: string): MonthSpan {
  if ('month' in span) return span;
  const current = Number(today.slice(5, 7));
  return span.monthsFromNow === 0 ? { month: current, whole: false } : { month: (current % 12) + 1, whole: true };
}

/** The days a renewal question covers, counted from today: from the one to the other, both included. */
export interface RenewalWindow {
  readonly from: number;
  readonly to: number;
}

/** From today to so many days ahead. */
export const daysAhead = (days: number): RenewalWindow => ({ from: 0, to: days });

/**
 * The days of the span from today (ISO): a month is this year's or, once past, next year's, and
 * runs to its last day; the whole month from its first day (today, when it has begun).
 */
export function windowOf(asked: RenewalSpan, today: string): RenewalWindow {
  if ('days' in asked) return daysAhead(asked.days);
  const span = monthOf(asked, today);
  const from = new Date(`${today.slice(0, 10)}T00:00:00Z`);
  const year = from.getUTCFullYear() + (span.month < from.getUTCMonth() + 1 ? 1 : 0);
  const daysTo = (date: number): number => Math.round((date - from.getTime()) / DAY_MS);
  // Day 0 of the next month is the last day of this one.
  const to = daysTo(Date.UTC(year, span.month, 0));
  return { from: span.whole ? Math.max(0, daysTo(Date.UTC(year, span.month - 1, 1))) : 0, to };
}

/** Whole days from today (an ISO date-time) to the renewal's day; negative once it is past. */
export function daysUntil(renewal: Renewal, today: string): number {
  return Math.round((Date.parse(renewal.renewsOn.slice(0, 10)) - Date.parse(today.slice(0, 10))) / DAY_MS);
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
