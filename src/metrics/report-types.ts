import type { Source } from '../data/records.js';

/** The shapes the metrics produce; `adoption report --json` prints them as they are (the contract). */

export interface WorkloadUsage {
  readonly workload: string;
  readonly active: number;
  /** null when the source counts activity but not entitlements. */
  readonly entitled: number | null;
  readonly usagePercent: number | null;
  readonly source: Source;
}

export interface WorkloadTotal {
  readonly workload: string;
  readonly active: number;
  readonly entitled: number;
  readonly usagePercent: number | null;
}

export interface ProductAdoption {
  readonly product: string;
  readonly sold: number | null;
  readonly assigned: number | null;
  readonly deploymentPercent: number | null;
  readonly workloads: readonly WorkloadUsage[];
}

export const FLAG_CODES = [
  'license-transfer',
  'duplicate-subscription',
  'trial-subscription',
  'yammer-overuse',
  'usage-above-100-unexplained',
  'stale-data',
] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

export interface Flag {
  readonly code: FlagCode;
  /** One plain sentence. */
  readonly message: string;
  /** The numbers, subscriptions or users behind it. */
  readonly evidence: Readonly<Record<string, string | number | boolean | null | readonly string[]>>;
}

export const RECOMMENDATION_CODES = ['adoption-content', 'training-and-self-support', 'training-upsell'] as const;
export type RecommendationCode = (typeof RECOMMENDATION_CODES)[number];

export interface Recommendation {
  readonly code: RecommendationCode;
  readonly message: string;
  /** Which numbers triggered it. */
  readonly reason: string;
  /** Concrete next steps. */
  readonly actions: readonly string[];
}

/**
 * A live subscription's end of term: when it renews (or lapses, without auto-renew), or when a
 * trial ends, the moment to convert it.
 */
export interface Renewal {
  readonly offer: string;
  readonly seats: number;
  /** ISO date-time. */
  readonly renewsOn: string;
  /** null when the source does not say. */
  readonly autoRenew: boolean | null;
  /** A trial's end. Absent (read as false) in weekly rows stored before trials were listed. */
  readonly trial: boolean;
}

/** A subscription's start: what was bought, and when. */
export interface SubscriptionStart {
  readonly offer: string;
  readonly seats: number;
  /** ISO date-time the subscription was created; null when its source did not say. */
  readonly createdOn: string | null;
  readonly trial: boolean;
}

/** What the portfolio counts customers by: an explanation or a suggested action. */
export type FindingCode = FlagCode | RecommendationCode;

export interface CustomerReport {
  readonly customer: string;
  readonly tenantId: string | null;
  /** ISO date-time of the newest deployment or usage data; null when there is none. */
  readonly dataAsOf: string | null;
  readonly sources: readonly Source[];
  readonly deploymentPercent: number | null;
  readonly usagePercent: number | null;
  readonly sold: number;
  readonly assigned: number;
  readonly active: number;
  readonly entitled: number;
  readonly products: readonly ProductAdoption[];
  /** Usage per workload over all products (only workloads whose source counts entitlements). */
  readonly workloads: readonly WorkloadTotal[];
  readonly flags: readonly Flag[];
  readonly recommendations: readonly Recommendation[];
  /** Live subscriptions with a known end of term, soonest first. */
  readonly renewals: readonly Renewal[];
  /** Support load: what "many support requests" is judged by. */
  readonly serviceRequests: ServiceRequestCounts;
  /** Subscriptions in grace period, suspended, disabled or expired, the most seats first. */
  readonly subscriptionsNeedingAttention: readonly SubscriptionAttention[];
  /** Its subscriptions, the newest first (undated last): since when it is a customer, what it bought lately. */
  readonly subscriptionStarts: readonly SubscriptionStart[];
}

/** A subscription to act on before its seats are lost, and why. */
export interface SubscriptionAttention {
  readonly offer: string;
  readonly seats: number;
  readonly reason: 'grace' | 'suspended' | 'disabled' | 'expired';
}

/** A customer's Partner Center service requests created in the last 30 days, and how many of them are still open. */
export interface ServiceRequestCounts {
  readonly last30Days: number;
  readonly open: number;
}

export interface PartnerTotal {
  readonly measure: 'deployment' | 'usage';
  readonly service: string;
  readonly workload: string | null;
  readonly percent: number;
  readonly licensesSold: number | null;
  readonly asOf: string;
}

export interface PortfolioReport {
  readonly generatedAt: string;
  readonly customers: readonly CustomerReport[];
  /** Partner Center's own prorated partner-wide figures (legacy analytics), when imported. */
  readonly partnerTotals: readonly PartnerTotal[];
}
