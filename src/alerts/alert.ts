import type { ActionRow } from '../metrics/findings.js';
import type { FlagCode, RecommendationCode, Renewal, SubscriptionAttention } from '../metrics/report-types.js';

/** What an alert says about one customer; kept in the outbox until it is delivered, then dropped. */

export type Measure = 'deployment' | 'usage';

export type AlertCondition =
  /** The percent is under the subscription's threshold: of one workload's usage when it watches one. */
  | {
      readonly kind: 'below';
      readonly measure: Measure;
      readonly workload?: string;
      readonly percent: number;
      readonly threshold: number;
    }
  /** The percent fell by more than the configured points since the previous snapshot: of one workload's usage when it watches one. */
  | {
      readonly kind: 'drop';
      readonly measure: Measure;
      readonly workload?: string;
      readonly percent: number;
      readonly previousPercent: number;
      /** The day of the previous snapshot. */
      readonly since: string;
    }
  /**
   * A term or trial ends within the renewal window while the percent is under the threshold (the
   * last weeks to lift it before the customer decides how many seats to keep), or a term ends with
   * auto-renew off, whatever the numbers (the seats go unless someone acts).
   */
  | {
      readonly kind: 'renewal';
      /** The number the alert reads beside it: the one under its threshold (usage first), else usage. */
      readonly measure: Measure;
      /** The workload whose usage that number is, for a subscription that watches one. */
      readonly workload?: string;
      readonly percent: number;
      readonly renewal: Renewal;
      /** The day it was found (ISO): what "in 15 days" counts from. */
      readonly today: string;
    }
  /**
   * A subscription in its grace period, suspended, disabled or expired, whatever the numbers: the
   * customer loses the seats (or already cannot use them) unless someone acts.
   */
  | { readonly kind: 'attention'; readonly subscription: SubscriptionAttention };

export interface CustomerAlert {
  readonly customerKey: string;
  readonly customer: string;
  readonly deploymentPercent: number | null;
  readonly usagePercent: number | null;
  readonly conditions: readonly AlertCondition[];
  /** Why (the flags' sentences) and what to do (the recommendations), as the customer card says them. */
  readonly flags: readonly { readonly code: FlagCode; readonly message: string }[];
  readonly recommendations: readonly { readonly code: RecommendationCode; readonly message: string; readonly actions: readonly string[] }[];
}

/** One message to one conversation: an alert about one customer, a digest of several, or the weekly to-do. */
export type AlertMessage =
  | { readonly kind: 'alert'; readonly alert: CustomerAlert }
  | { readonly kind: 'digest'; readonly alerts: readonly CustomerAlert[] }
  | { readonly kind: 'weekly'; readonly rows: readonly ActionRow[] };

/** A condition about one of the numbers: under a threshold, dropping, or a renewal read beside one. */
export type NumberCondition = Exclude<AlertCondition, { kind: 'attention' }>;

/** The percent a condition shows; null for a subscription needing attention, which reads none. */
export function conditionPercent(condition: AlertCondition): number | null {
  return condition.kind === 'attention' ? null : condition.percent;
}

/**
 * The key under which a condition is remembered per conversation and customer (the no-spam
 * window). Each renewal is its own: the next one alerts when its window opens.
 */
export function conditionKey(conversationId: string, customerKey: string, condition: AlertCondition): string {
  return `${conversationId}|${customerKey}|${conditionName(condition)}`;
}

function conditionName(condition: AlertCondition): string {
  if (condition.kind === 'attention') return `attention-${condition.subscription.reason}-${condition.subscription.offer}`;
  if (condition.kind === 'renewal') return `renewal-${condition.renewal.renewsOn.slice(0, 10)}`;
  const measured = condition.workload === undefined ? condition.measure : `usage:${condition.workload}`;
  return `${measured}-${condition.kind}`;
}

/** The customers an alert message is about, by name. */
export function customersOf(message: AlertMessage): string[] {
  if (message.kind === 'alert') return [message.alert.customer];
  return message.kind === 'digest' ? message.alerts.map((a) => a.customer) : message.rows.map((r) => r.customer);
}
