import type { CustomerReport } from '../../metrics/report-types.js';
import { upcomingRenewals } from '../../metrics/renewals.js';
import type { CustomerHistory } from '../../metrics/trend.js';
import type { Thresholds } from '../../metrics/thresholds.js';
import { serviceRequestsText } from '../../metrics/service-requests.js';
import { attentionText } from '../../metrics/subscription-attention.js';
import { dataAgeDays } from '../../metrics/flags.js';
import { sourcesText } from '../../data/records.js';
import { day, daysText, fromToday, renewalLine, renewalText, startText } from '../text.js';
import { daysBetween } from '../../time.js';

/** Answers about one customer's account: renewals, subscriptions needing attention, trials, support, data age. */

/** Whether any of its subscriptions are in the cache: what answers about them can say. */
function hasSubscriptions(report: CustomerReport): boolean {
  return report.sources.includes('pc-subscriptions') || report.sources.includes('graph-directory-subscriptions');
}

const NO_SUBSCRIPTIONS =
  'they come with its subscriptions (Partner Center subscriptions or Graph directory subscriptions), which have not been synced or imported for it.';

export function renewalsAnswer(report: CustomerReport, history: CustomerHistory): string {
  const ahead = upcomingRenewals(report, history.today);
  if (ahead.length > 0) return `${ahead.map((r) => renewalLine(r, history.today)).join(' · ')}.`;
  return hasSubscriptions(report)
    ? 'No renewal ahead: none of its live subscriptions in the cache has a term end date after today.'
    : `No renewal dates in the cache: ${NO_SUBSCRIPTIONS}`;
}

/** "Office 365 E3: 20 seats in grace period (renew it, or the seats lapse)", or that none needs attention. */
export function attentionAnswer(report: CustomerReport): string {
  const needing = report.subscriptionsNeedingAttention;
  if (needing.length > 0) return `${needing.map(attentionText).join(' · ')}.`;
  return hasSubscriptions(report)
    ? 'No subscription needs attention: none in the cache is in grace period, suspended, expired or disabled.'
    : `No subscription states in the cache: ${NO_SUBSCRIPTIONS}`;
}

/** "Microsoft Teams Premium Trial: 5-seat trial ends 2026-12-10, in 15 days", or why none is known. */
export function trialsAnswer(report: CustomerReport, history: CustomerHistory): string {
  const trials = report.renewals.filter((r) => r.trial);
  if (trials.length > 0) return `${trials.map((r) => renewalText(r, history.today)).join(' · ')}.`;
  // A trial known from its activity, with no end date in the cache.
  const flagged = report.flags.find((f) => f.code === 'trial-subscription');
  if (flagged) return flagged.message;
  return hasSubscriptions(report) ? 'No trial among its subscriptions in the cache.' : `No trials in the cache: ${NO_SUBSCRIPTIONS}`;
}

/**
 * "A customer since at least 2026-01-24, when its first subscription in the cache (Office 365 E3) was created; the newest:
 * Microsoft Teams Premium Trial, 5 seats, 2026-11-10, 15 days ago", or why it cannot be told.
 */
export function purchasesAnswer(report: CustomerReport, history: CustomerHistory): string {
  const dated = report.subscriptionStarts.filter((s) => s.createdOn !== null);
  const [newest] = dated;
  const oldest = dated.at(-1);
  if (newest === undefined || oldest === undefined) {
    return hasSubscriptions(report)
      ? 'None of its subscriptions in the cache says when it was created.'
      : `No subscription dates in the cache: ${NO_SUBSCRIPTIONS}`;
  }
  const undated = report.subscriptionStarts.length - dated.length;
  const since = `A customer since at least ${day(oldest.createdOn)}, when its first subscription in the cache (${oldest.offer}) was created${
    undated > 0 ? ` (${undated} more say no date)` : ''
  }`;
  // Bought all at once: nothing newer to name.
  if (day(newest.createdOn) === day(oldest.createdOn)) return `${since}.`;
  return `${since}; the newest: ${startText(newest)}, ${fromToday(-daysBetween(newest.createdOn!, history.today))}.`;
}

/**
 * "2 service requests in the last 30 days (1 still open)". With none in the cache, it cannot tell
 * a customer that opened none from service requests never synced.
 */
export function supportAnswer(report: CustomerReport, thresholds: Thresholds): string {
  if (!report.sources.includes('pc-service-requests'))
    return "No service requests in the cache: it opened none, or Partner Center's service requests have not been synced or imported.";
  const many =
    report.serviceRequests.last30Days >= thresholds.supportRequests30Days
      ? `, ${thresholds.supportRequests30Days} or more: training and self-support are suggested`
      : '';
  return `${serviceRequestsText(report.serviceRequests)}${many}.`;
}

/**
 * "Fresh: the newest data is 2 days old (2026-11-23, Partner Center analytics); data older than 7
 * days is flagged.", or the old data's explanation.
 */
export function dataAnswer(report: CustomerReport, history: CustomerHistory, thresholds: Thresholds): string {
  if (report.dataAsOf === null) return 'No deployment or usage data in the cache for it yet.';
  const stale = report.flags.find((f) => f.code === 'stale-data');
  if (stale) return stale.message;
  const age = dataAgeDays(report.dataAsOf, new Date(history.today));
  const old = age < 1 ? 'from today' : `${daysText(age)} old`;
  return `Fresh: the newest data is ${old} (${day(report.dataAsOf)}, ${sourcesText(report.sources)}); data older than ${thresholds.staleDays} days is flagged.`;
}
