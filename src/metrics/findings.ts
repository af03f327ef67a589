import { customerKey } from './customer-key.js';
import {
  FLAG_CODES,
  RECOMMENDATION_CODES,
  type CustomerReport,
  type Flag,
  type FindingCode,
  type FlagCode,
  type Recommendation,
  type RecommendationCode,
  type Renewal,
  type SubscriptionAttention,
} from './report-types.js';
import { daysAhead, RENEWAL_DAYS, renewalsWithin } from './renewals.js';

/** Flags and recommendations looked up by code: what "customers with trials" and the portfolio's counts ask. */

export function isFlagCode(code: string): code is FlagCode {
  return (FLAG_CODES as readonly string[]).includes(code);
}

export function isFindingCode(code: string): code is FindingCode {
  return isFlagCode(code) || (RECOMMENDATION_CODES as readonly string[]).includes(code);
}

/** The customer's flag or recommendation of that code; undefined when it has none. */
export function findingOf(report: CustomerReport, code: FindingCode): Flag | Recommendation | undefined {
  return isFlagCode(code) ? report.flags.find((f) => f.code === code) : report.recommendations.find((r) => r.code === code);
}

/** A trial ending within this many days is something to do before it ends: convert it, or let it go knowingly. */
export const TRIAL_ACTION_DAYS = 30;

/** Why a customer is something to do: a suggested action, a subscription to save, a trial about to end, or old data. */
type ActionReason = RecommendationCode | 'subscription-attention' | 'trial-ending' | 'stale-data';

/**
 * The order a partner acts in: low adoption first (licenses paid for and not used), then people
 * asking for help, then subscriptions whose seats are being lost (grace period, suspended ...), then
 * upsell, then trials about to end; old data last (refresh it, then look again).
 */
const ACTION_ORDER: readonly ActionReason[] = [
  'adoption-content',
  'training-and-self-support',
  'subscription-attention',
  'training-upsell',
  'trial-ending',
  'stale-data',
];

function hasReason(c: CustomerReport, reason: ActionReason, today: string): boolean {
  if (reason === 'trial-ending') return renewalsWithin(c, today, daysAhead(TRIAL_ACTION_DAYS), 'trials').length > 0;
  if (reason === 'subscription-attention') return c.subscriptionsNeedingAttention.length > 0;
  return findingOf(c, reason) !== undefined;
}

/** Customers with something to do `today` (ISO), the most urgent first; equally urgent ones keep the order given. */
export function needingAction(customers: readonly CustomerReport[], today: string): CustomerReport[] {
  const urgency = (c: CustomerReport): number => {
    const at = ACTION_ORDER.findIndex((reason) => hasReason(c, reason, today));
    return at < 0 ? Number.POSITIVE_INFINITY : at;
  };
  return customers
    .map((customer, i) => ({ customer, i, urgency: urgency(customer) }))
    .filter((x) => x.urgency !== Number.POSITIVE_INFINITY)
    .sort((a, b) => a.urgency - b.urgency || a.i - b.i)
    .map((x) => x.customer);
}

/** A customer to act on, as "what should I do?" and the weekly to-do say it: what to do and why, or how old its data is. */
export interface ActionRow {
  readonly customerKey: string;
  readonly customer: string;
  readonly deploymentPercent: number | null;
  readonly usagePercent: number | null;
  readonly advice: readonly { readonly code: RecommendationCode; readonly reason: string }[];
  /** How old the data is when it is older than the stale threshold; null otherwise. */
  readonly staleDays: number | null;
  /**
   * Its trial ending within TRIAL_ACTION_DAYS of the day the row was made, else its next renewal
   * within RENEWAL_DAYS, if any (absent in rows stored before renewals were read).
   */
  readonly renewal?: Renewal;
  /** Its subscriptions in grace period, suspended, disabled or expired, if any (absent in rows stored before they were read). */
  readonly attention?: readonly SubscriptionAttention[];
}

/** The row of a customer to act on; `today` (ISO) says which renewals are coming. */
export function actionRow(c: CustomerReport, today: string): ActionRow {
  const [renewal] = [
    ...renewalsWithin(c, today, daysAhead(TRIAL_ACTION_DAYS), 'trials'),
    ...renewalsWithin(c, today, daysAhead(RENEWAL_DAYS)),
  ];
  const stale = c.flags.find((f) => f.code === 'stale-data')?.evidence['ageDays'];
  return {
    customerKey: customerKey(c),
    customer: c.customer,
    deploymentPercent: c.deploymentPercent,
    usagePercent: c.usagePercent,
    advice: c.recommendations.map((r) => ({ code: r.code, reason: r.reason })),
    staleDays: typeof stale === 'number' ? stale : null,
    ...(renewal === undefined ? {} : { renewal }),
    ...(c.subscriptionsNeedingAttention.length === 0 ? {} : { attention: c.subscriptionsNeedingAttention }),
  };
}
