/**
 * The normalized records every input format is turned into. The store keeps these and the
 * metrics only ever see these: no module right of `data/formats` knows what a file looked like.
 */

/** Where a number came from, in the order the metrics prefer them (first wins). */
export const SOURCES = [
  'pc-analytics',
  'pc-legacy-analytics',
  'pc-subscribed-skus',
  'graph-subscribed-skus',
  'graph-active-user-detail',
  'graph-teams-user-detail',
  'graph-yammer-user-detail',
  'graph-services-user-counts',
  'graph-m365-apps-user-detail',
  'pc-subscriptions',
  'pc-service-requests',
  'graph-directory-subscriptions',
] as const;
export type Source = (typeof SOURCES)[number];

export const SOURCE_LABELS: Record<Source, string> = {
  'pc-analytics': 'Partner Center analytics',
  'pc-legacy-analytics': 'Partner Center analytics (legacy)',
  'pc-subscribed-skus': 'Partner Center subscribed SKUs',
  'graph-subscribed-skus': 'Microsoft Graph subscribedSkus',
  'graph-active-user-detail': 'Microsoft Graph active user detail',
  'graph-teams-user-detail': 'Microsoft Graph Teams user activity',
  'graph-yammer-user-detail': 'Microsoft Graph Yammer user activity',
  'graph-services-user-counts': 'Microsoft Graph services user counts',
  'graph-m365-apps-user-detail': 'Microsoft Graph Microsoft 365 Apps user detail',
  'pc-subscriptions': 'Partner Center subscriptions',
  'pc-service-requests': 'Partner Center service requests',
  'graph-directory-subscriptions': 'Microsoft Graph directory subscriptions',
};

/** "Partner Center analytics, Partner Center subscriptions": the sources named, in words; empty for none. */
export function sourcesText(sources: readonly Source[]): string {
  return sources.map((s) => SOURCE_LABELS[s]).join(', ');
}

/** A customer as a file names it: by tenant id, by name, or both. */
export interface CustomerRef {
  readonly tenantId: string | null;
  readonly name: string | null;
}

/**
 * The one key of a customer everywhere (record keys, card buttons, history, alerts): the tenant id,
 * or the name, trimmed and lower-cased, when no file gave a tenant id.
 */
export function keyOfCustomer(ref: CustomerRef): string {
  return ref.tenantId ?? `name:${(ref.name ?? '').trim().toLowerCase()}`;
}

interface RecordBase {
  /** Records with the same key describe the same thing; the newer one replaces the older. */
  readonly key: string;
  readonly customer: CustomerRef;
  readonly source: Source;
  /** ISO date-time (UTC) the source says the data is as of. */
  readonly asOf: string;
}

/** Prepaid units of one SKU by state, where the source reports them. */
export interface UnitStates {
  readonly enabled: number;
  readonly warning: number;
  readonly suspended: number;
  readonly lockedOut: number;
}

export interface DeploymentRecord extends RecordBase {
  readonly kind: 'deployment';
  readonly product: string;
  readonly sold: number;
  readonly assigned: number;
  /** From subscribed-SKU sources only: units by state and the subscriptions behind the SKU. */
  readonly units?: UnitStates;
  readonly subscriptionIds?: readonly string[];
}

/** What user-level reports tell beyond the two counts; feeds the explanations. */
export interface UsageEvidence {
  /** Active in the window, licensed, and since deleted (turnover). */
  readonly deletedActive: number;
  /** Licensed users whose license was assigned inside the window (possibly moved from someone). */
  readonly assignedInWindow: number;
  /** Active in the window without a license for the workload. */
  readonly unlicensedActive: number;
}

export interface UsageRecord extends RecordBase {
  readonly kind: 'usage';
  readonly product: string;
  readonly workload: string;
  readonly active: number;
  /** null when the source tells activity but not entitlements (Yammer and Apps user detail). */
  readonly entitled: number | null;
  readonly evidence?: UsageEvidence;
}

export const SUBSCRIPTION_STATUSES = ['active', 'pending', 'suspended', 'disabled', 'deleted', 'expired', 'none'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export interface SubscriptionRecord extends RecordBase {
  readonly kind: 'subscription';
  readonly subscriptionId: string;
  /** Subscriptions with the same offer key sell the same SKU. */
  readonly offerKey: string;
  readonly offerName: string;
  readonly status: SubscriptionStatus;
  readonly quantity: number;
  readonly isTrial: boolean;
  readonly attentionNeeded: boolean;
  readonly billingCycle: string | null;
  readonly creationDate: string | null;
  /**
   * When its term ends, and it renews or lapses (Partner Center commitmentEndDate, Graph
   * nextLifecycleDateTime); absent when the source does not say, or the record was cached before.
   */
  readonly renewsOn?: string;
  /** Whether it renews by itself when the term ends (autoRenewEnabled); absent when the source does not say. */
  readonly autoRenew?: boolean;
}

/** A subscription's renewal fields, each left out when the source does not say it. */
export function renewalFields(renewsOn: string | null, autoRenew: boolean | null): Pick<SubscriptionRecord, 'renewsOn' | 'autoRenew'> {
  return { ...(renewsOn === null ? {} : { renewsOn }), ...(autoRenew === null ? {} : { autoRenew }) };
}

export const SERVICE_REQUEST_STATUSES = ['none', 'open', 'closed', 'attention_needed'] as const;
export type ServiceRequestStatus = (typeof SERVICE_REQUEST_STATUSES)[number];
export const SERVICE_REQUEST_SEVERITIES = ['unknown', 'critical', 'moderate', 'minimal'] as const;
export type ServiceRequestSeverity = (typeof SERVICE_REQUEST_SEVERITIES)[number];

export interface ServiceRequestRecord extends RecordBase {
  readonly kind: 'service-request';
  readonly requestId: string;
  readonly title: string;
  readonly status: ServiceRequestStatus;
  readonly severity: ServiceRequestSeverity;
  readonly createdDate: string | null;
}

/** Partner-level legacy analytics: all customers together, prorated by Partner Center. */
export interface PartnerTotalRecord extends RecordBase {
  readonly kind: 'partner-total';
  readonly service: string;
  readonly workload: string | null;
  readonly percent: number;
  readonly licensesSold: number | null;
}

export type AdoptionRecord = DeploymentRecord | UsageRecord | SubscriptionRecord | ServiceRequestRecord | PartnerTotalRecord;

export type RecordKind = AdoptionRecord['kind'];

/** A customer's numbers on one day, kept after each sync so cards can show the trend. */
export interface HistoryPoint {
  /** YYYY-MM-DD */
  readonly day: string;
  readonly deploymentPercent: number | null;
  readonly usagePercent: number | null;
  /**
   * Each workload's usage percent that day, by canonical workload name ("Teams"), for the
   * workloads with a figure. Absent on points kept before workloads were kept.
   */
  readonly workloadUsage?: Readonly<Record<string, number>>;
}
