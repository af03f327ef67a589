import type { CustomerReport } from '../metrics/report-types.js';
import { describeMovement, pointsText, trend, type CustomerHistory, type Trend } from '../metrics/trend.js';
import { upcomingRenewals } from '../metrics/renewals.js';
import type { Thresholds } from '../metrics/thresholds.js';
import { serviceRequestsText } from '../metrics/service-requests.js';
import { attentionText } from '../metrics/subscription-attention.js';
import { dataAgeDays } from '../metrics/flags.js';
import { SOURCE_LABELS } from '../data/records.js';
import { workloadNamed } from '../data/workloads.js';
import { licenseSums, productsNamed, renewalsNamed, usageSums } from '../metrics/products.js';
import { inactiveEntitlements } from '../metrics/unassigned.js';
import { count, day, percentText, renewalLine, renewalText, spareText, usageCounted } from './text.js';

/**
 * What of one customer was asked about ("Teams usage at Fabrikam", "when does Woodgrove renew?",
 * "how many seats does Contoso have?", "is Fabrikam low?", "Contoso's open tickets"): answered in a
 * line above its card.
 */
export type CustomerFocus =
  | { readonly kind: 'workload'; readonly workload: string }
  | { readonly kind: 'renewals' }
  | { readonly kind: 'seats' }
  /** Low adoption or not, against the thresholds in force. */
  | { readonly kind: 'standing' }
  /** How old its newest data is. */
  | { readonly kind: 'data' }
  /** How its numbers moved over about so many days ("since last month": 30). */
  | { readonly kind: 'trend'; readonly days: number }
  /** Its workloads by usage, the least used first. */
  | { readonly kind: 'workloads' }
  /** Whether it is ready for more seats or a higher plan. */
  | { readonly kind: 'upsell' }
  /** How many people have a license, and how many entitlements were active. */
  | { readonly kind: 'users' }
  /** Its subscriptions in grace period, suspended, expired or disabled. */
  | { readonly kind: 'attention' }
  /** Its trial subscriptions. */
  | { readonly kind: 'trials' }
  | { readonly kind: 'support' }
  /** A product named by some of its words, as typed ("E3", "teams premium"). */
  | { readonly kind: 'product'; readonly product: string };

/** The focuses that carry nothing but their kind. */
const SIMPLE_FOCUS = ['renewals', 'seats', 'standing', 'support', 'data', 'workloads', 'upsell', 'users', 'attention', 'trials'] as const;
type SimpleFocus = (typeof SIMPLE_FOCUS)[number];
const isSimpleFocus = (value: unknown): value is SimpleFocus => SIMPLE_FOCUS.some((kind) => kind === value);

/** A focus as a card button carries it, so that a refresh keeps the answer. */
export function focusData(focus: CustomerFocus): Record<string, string> {
  if (focus.kind === 'workload') return { focus: 'workload', workload: focus.workload };
  if (focus.kind === 'product') return { focus: 'product', product: focus.product };
  if (focus.kind === 'trend') return { focus: 'trend', days: String(focus.days) };
  return { focus: focus.kind };
}

/** The focus a button's data carries; null when it carries none, or one this bot never sent. */
export function focusOf(fields: Readonly<Record<string, unknown>>): CustomerFocus | null {
  const { focus, workload, product, days } = fields;
  if (focus === 'trend') {
    // As sent: a span of 1 to 999 days.
    const span = typeof days === 'string' && /^\d{1,3}$/.test(days) ? Number(days) : 0;
    return span >= 1 ? { kind: 'trend', days: span } : null;
  }
  if (isSimpleFocus(focus)) return { kind: focus };
  if (focus === 'product') return typeof product === 'string' && product.trim() !== '' ? { kind: 'product', product } : null;
  if (focus !== 'workload' || typeof workload !== 'string') return null;
  const named = workloadNamed(workload);
  return named === null ? null : { kind: 'workload', workload: named };
}

/** " By product: E3: 30 of 40 · Business Premium: 10 of 20." when more than one product has a part; empty otherwise. */
function byProduct(parts: readonly string[]): string {
  return parts.length > 1 ? ` By product: ${parts.join(' · ')}.` : '';
}

function workloadAnswer(report: CustomerReport, workload: string, history: CustomerHistory, thresholds: Thresholds): string {
  const rows = report.products.flatMap((p) =>
    p.workloads.filter((w) => w.workload === workload).map((w) => ({ product: p.product, ...w })),
  );
  const total = report.workloads.find((w) => w.workload === workload);
  if (total === undefined || total.usagePercent === null) {
    if (rows.length === 0) return `No ${workload} figures in the cache: no entitlements to it and no activity.`;
    const active = rows.reduce((sum, w) => sum + w.active, 0);
    return `${workload}: ${count(active)} active in the last 28 days, and no ${workload} entitlements counted, so no percent.`;
  }
  const moved = describeMovement(history.trend?.workloadChanges[workload], history.trend);
  const low = total.usagePercent < thresholds.usageLowPercent ? `, under the ${thresholds.usageLowPercent}% usage threshold` : '';
  const over = total.usagePercent > 100 ? ', above 100%: see why below' : '';
  // The same workload in several products: each product's part.
  const parts = rows.flatMap((w) => (w.entitled === null ? [] : [`${w.product}: ${count(w.active)} of ${count(w.entitled)}`]));
  return `${workload} usage ${usageCounted(total.active, total.entitled, total.usagePercent)} in the last 28 days${moved === '' ? '' : `, ${moved}`}${low}${over}.${byProduct(parts)}`;
}

/** Whether any of its subscriptions are in the cache: what answers about them can say. */
function hasSubscriptions(report: CustomerReport): boolean {
  return report.sources.includes('pc-subscriptions') || report.sources.includes('graph-directory-subscriptions');
}

const NO_SUBSCRIPTIONS =
  'they come with its subscriptions (Partner Center subscriptions or Graph directory subscriptions), which have not been synced or imported for it.';

function renewalsAnswer(report: CustomerReport, history: CustomerHistory): string {
  const ahead = upcomingRenewals(report, history.today);
  if (ahead.length > 0) return `${ahead.map((r) => renewalLine(r, history.today)).join(' · ')}.`;
  return hasSubscriptions(report)
    ? 'No renewal ahead: none of its live subscriptions in the cache has a term end date after today.'
    : `No renewal dates in the cache: ${NO_SUBSCRIPTIONS}`;
}

/** "Office 365 E3: 20 seats in grace period (renew it, or the seats lapse)", or that none needs attention. */
function attentionAnswer(report: CustomerReport): string {
  const needing = report.subscriptionsNeedingAttention;
  if (needing.length > 0) return `${needing.map(attentionText).join(' · ')}.`;
  return hasSubscriptions(report)
    ? 'No subscription needs attention: none in the cache is in grace period, suspended, expired or disabled.'
    : `No subscription states in the cache: ${NO_SUBSCRIPTIONS}`;
}

/** "Microsoft Teams Premium Trial: 5-seat trial ends 2026-12-10, in 15 days", or why none is known. */
function trialsAnswer(report: CustomerReport, history: CustomerHistory): string {
  const trials = report.renewals.filter((r) => r.trial);
  if (trials.length > 0) return `${trials.map((r) => renewalText(r, history.today)).join(' · ')}.`;
  // A trial known from its activity, with no end date in the cache.
  const flagged = report.flags.find((f) => f.code === 'trial-subscription');
  if (flagged) return flagged.message;
  return hasSubscriptions(report) ? 'No trial among its subscriptions in the cache.' : `No trials in the cache: ${NO_SUBSCRIPTIONS}`;
}

function seatsAnswer(report: CustomerReport): string {
  if (report.deploymentPercent === null)
    return 'No license counts in the cache: its data so far says who is active, not how many licenses were sold.';
  const counted = report.products.flatMap(({ product, sold, assigned }) =>
    sold === null || assigned === null ? [] : [{ product, sold, assigned }],
  );
  const parts = counted.map((p) => `${p.product}: ${count(p.assigned)} of ${count(p.sold)}`);
  // One product: its name says which licenses.
  const which = counted.length === 1 ? `${counted[0]!.product} ` : '';
  return `${count(report.sold)} ${which}licenses sold: ${count(report.assigned)} assigned (deployment ${percentText(report.deploymentPercent)}), ${spareText(report.sold, report.assigned)}.${byProduct(parts)}`;
}

/** "Teams ▼ 3.5 pts", "Yammer unchanged": each workload's move, for those whose move is known. */
export function workloadMoves(workloads: readonly { readonly workload: string }[], moved: Trend): string[] {
  return workloads.flatMap(({ workload }) => {
    const change = moved.workloadChanges[workload];
    if (change === undefined) return [];
    return [`${workload} ${change === 0 ? 'unchanged' : `${change > 0 ? '▲' : '▼'} ${pointsText(change)}`}`];
  });
}

/** "deployment ▲ up 2 pts to 95%", "usage unchanged at 89%", "usage 89% (no earlier figure)"; empty without a number. */
function measureMove(name: string, now: number | null, change: number | null): string {
  if (now === null) return '';
  if (change === null) return `${name} ${percentText(now)} (no earlier figure)`;
  if (change === 0) return `${name} unchanged at ${percentText(now)}`;
  return `${name} ${change > 0 ? '▲ up' : '▼ down'} ${pointsText(change)} to ${percentText(now)}`;
}

/**
 * "Since 2026-10-28 (30 days): deployment ▲ up 2 pts to 95%, usage ▼ down 3 pts to 89%. Teams ▼ 2
 * pts · Exchange ▲ 1 pt.", against the newest point at least so many days old; when the history is
 * shorter, its oldest point, and it says so.
 */
function trendAnswer(report: CustomerReport, history: CustomerHistory, days: number): string {
  const moved = trend(history.points, report, day(history.today), days);
  if (moved === null) return 'No earlier numbers for it yet: the history keeps a point a day from the first sync that counted it.';
  const numbers = [
    measureMove('deployment', report.deploymentPercent, moved.deploymentChange),
    measureMove('usage', report.usagePercent, moved.usageChange),
  ].filter((m) => m !== '');
  const shorter = moved.days < days ? ', where its history starts' : '';
  const workloads = workloadMoves(report.workloads, moved);
  return `Since ${moved.since} (${count(moved.days)} day${moved.days === 1 ? '' : 's'}${shorter}): ${numbers.join(', ') || 'no deployment or usage figures'}.${workloads.length > 0 ? ` ${workloads.join(' · ')}.` : ''}`;
}

/** "By usage, least used first: Teams 35% (14 of 40 active), Exchange 55% (22 of 40 active)." */
function workloadsAnswer(report: CustomerReport, thresholds: Thresholds): string {
  const used = report.workloads.flatMap((w) => (w.usagePercent === null ? [] : [{ ...w, usagePercent: w.usagePercent }]));
  if (used.length === 0) return 'No workload usage figures in the cache: no entitlements counted for any workload.';
  const rows = [...used]
    .sort((a, b) => a.usagePercent - b.usagePercent || a.workload.localeCompare(b.workload))
    .map((w) => `${w.workload} ${percentText(w.usagePercent)} (${count(w.active)} of ${count(w.entitled)} active)`);
  const low = used.filter((w) => w.usagePercent < thresholds.usageLowPercent).length;
  const under = low === 0 ? '' : `; ${count(low)} under the ${thresholds.usageLowPercent}% usage threshold`;
  return `By usage, least used first: ${rows.join(', ')}${under}.`;
}

/**
 * "Ready: deployment 95% is at or above the 90% upsell level; talk about more seats or a higher
 * plan, with training courses." or what comes first.
 */
function upsellAnswer(report: CustomerReport, thresholds: Thresholds): string {
  const { deploymentPercent: deployment, usagePercent: usage } = report;
  const level = thresholds.upsellDeploymentPercent;
  if (deployment === null) return `No license counts in the cache, so no telling: deployment at or above ${level}% is the upsell level.`;
  if (deployment < level)
    return `Not yet: deployment ${percentText(deployment)} is under the ${level}% upsell level, with ${spareText(report.sold, report.assigned)}; help it assign those first.`;
  if (usage !== null && usage < thresholds.usageLowPercent)
    return `Not yet: deployment ${percentText(deployment)} is at or above the ${level}% upsell level, but usage ${percentText(usage)} is under ${thresholds.usageLowPercent}%: offer training courses first, or more seats will sit idle too.`;
  return `Ready: deployment ${percentText(deployment)} is at or above the ${level}% upsell level; talk about more seats or a higher plan, with training courses.`;
}

/**
 * "285 people have a license (of 300 sold); of their 855 workload entitlements, 761 were active in
 * the last 28 days (usage 89%), 94 not." Entitlements are per person and workload, so they count
 * no people.
 */
function usersAnswer(report: CustomerReport): string {
  const parts: string[] = [];
  if (report.deploymentPercent !== null) {
    const people = report.assigned === 1 ? 'person has' : 'people have';
    parts.push(`${count(report.assigned)} ${people} a license (of ${count(report.sold)} sold)`);
  }
  if (report.usagePercent !== null) {
    const inactive = inactiveEntitlements(report);
    parts.push(
      `${parts.length === 0 ? 'Of' : 'of their'} ${count(report.entitled)} workload entitlements, ${count(report.active)} were active in the last 28 days (usage ${percentText(report.usagePercent)})${inactive > 0 ? `, ${count(inactive)} not` : ''}`,
    );
  }
  return parts.length === 0 ? 'No license or usage counts in the cache for it yet.' : `${parts.join('; ')}.`;
}

/** "Low adoption: deployment 40% is under the 60% threshold, usage 37.5% under 50%." or why not. */
function standingAnswer(report: CustomerReport, thresholds: Thresholds): string {
  const { deploymentPercent: deployment, usagePercent: usage } = report;
  if (deployment === null && usage === null)
    return 'No deployment or usage figures in the cache yet, so no telling whether its adoption is low.';
  const low = [
    ...(deployment !== null && deployment < thresholds.deploymentLowPercent
      ? [`deployment ${percentText(deployment)} is under the ${thresholds.deploymentLowPercent}% threshold`]
      : []),
    ...(usage !== null && usage < thresholds.usageLowPercent
      ? [`usage ${percentText(usage)} is under the ${thresholds.usageLowPercent}% threshold`]
      : []),
  ];
  if (low.length > 0) return `Low adoption: ${low.join(', and ')}.`;
  const numbers = [
    ...(deployment === null ? [] : [`deployment ${percentText(deployment)} (low under ${thresholds.deploymentLowPercent}%)`]),
    ...(usage === null ? [] : [`usage ${percentText(usage)} (low under ${thresholds.usageLowPercent}%)`]),
  ];
  const upsell =
    deployment !== null && deployment >= thresholds.upsellDeploymentPercent
      ? `; deployment at or above ${thresholds.upsellDeploymentPercent}% is an upsell opportunity`
      : '';
  return `Not low: ${numbers.join(', ')}${upsell}.`;
}

/**
 * "2 service requests in the last 30 days (1 still open)". With none in the cache, it cannot tell
 * a customer that opened none from service requests never synced.
 */
function supportAnswer(report: CustomerReport, thresholds: Thresholds): string {
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
function dataAnswer(report: CustomerReport, history: CustomerHistory, thresholds: Thresholds): string {
  if (report.dataAsOf === null) return 'No deployment or usage data in the cache for it yet.';
  const stale = report.flags.find((f) => f.code === 'stale-data');
  if (stale) return stale.message;
  const age = dataAgeDays(report.dataAsOf, new Date(history.today));
  const sources = report.sources.map((s) => SOURCE_LABELS[s]).join(', ');
  const old = age < 1 ? 'from today' : `${count(age)} day${age === 1 ? '' : 's'} old`;
  return `Fresh: the newest data is ${old} (${day(report.dataAsOf)}, ${sources}); data older than ${thresholds.staleDays} days is flagged.`;
}

function productAnswer(report: CustomerReport, query: string, history: CustomerHistory): string {
  const products = productsNamed(report, query);
  if (products.length === 0) {
    const named = report.products.map((p) => p.product).join(', ');
    const none = `No product named like "${query}" here: ${named === '' ? 'no products in the cache' : `its products are ${named}`}`;
    // A trial, or a subscription no report counts yet: its end is known.
    const subscriptions = renewalsNamed(report, query);
    if (subscriptions.length === 0) return `${none}.`;
    return `${none}; its subscriptions include ${subscriptions.map((r) => renewalText(r, history.today)).join(' · ')}.`;
  }
  const label = products.map((p) => p.product).join(' and ');
  const licenses = licenseSums(products);
  const deployment =
    licenses.sold === null || licenses.assigned === null
      ? 'no license counts'
      : `${count(licenses.assigned)} of ${count(licenses.sold)} licenses assigned (deployment ${percentText(licenses.deploymentPercent)}), ${spareText(licenses.sold, licenses.assigned)}`;
  const usage = usageSums(products);
  const workloads = products
    .flatMap((p) => p.workloads)
    .flatMap((w) => (w.usagePercent === null ? [] : [`${w.workload} ${percentText(w.usagePercent)}`]));
  const used =
    usage.usagePercent === null
      ? 'no entitlements counted'
      : `usage ${usageCounted(usage.active, usage.entitled, usage.usagePercent)}${workloads.length > 1 ? `: ${workloads.join(', ')}` : ''}`;
  return `${label}: ${deployment}; ${used}.`;
}

/** The answer to what was asked, in a sentence: what the line above the card says, and the message's summary. */
export function focusAnswer(report: CustomerReport, focus: CustomerFocus, history: CustomerHistory, thresholds: Thresholds): string {
  switch (focus.kind) {
    case 'workload':
      return workloadAnswer(report, focus.workload, history, thresholds);
    case 'renewals':
      return renewalsAnswer(report, history);
    case 'seats':
      return seatsAnswer(report);
    case 'standing':
      return standingAnswer(report, thresholds);
    case 'support':
      return supportAnswer(report, thresholds);
    case 'data':
      return dataAnswer(report, history, thresholds);
    case 'trend':
      return trendAnswer(report, history, focus.days);
    case 'workloads':
      return workloadsAnswer(report, thresholds);
    case 'upsell':
      return upsellAnswer(report, thresholds);
    case 'users':
      return usersAnswer(report);
    case 'attention':
      return attentionAnswer(report);
    case 'trials':
      return trialsAnswer(report, history);
    case 'product':
      return productAnswer(report, focus.product, history);
  }
}
